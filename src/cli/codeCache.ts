// `dist-cli/code-cache.js`, run by `npm run build:cli` after both builds: makes the V8 code cache the
// worker processes load their engine with (`workerLoader.ts`). It starts one worker under the very
// flags a pool gives it (V8 rejects a cache made under other flags: the default heap limit is one of
// them), plus the right to write the cache, has it run a breadth-first search (TypeScript) and a trivial script so that the
// functions a run needs are compiled too, then closes its channel: the worker writes the cache as
// it exits.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRequest } from '../protocol/run';
import { workerReadPaths } from './readPaths';
import { workerFlags } from './spawnWorker';
import { DEFAULT_MEMORY_LIMIT_MB } from './settings';
import { WorkerProcess } from './workerProcess';

const distDir = fileURLToPath(new URL('.', import.meta.url));
const target = join(distDir, 'node.worker.cache');
const partial = `${target}.partial`;

/** A breadth-first search in TypeScript: what most runs do (sucrase, the instrumenter, the recorder, graph calls). */
const WARM_UP = `const dist = new Map<string, number>([['a', 0]]);
const queue: string[] = ['a'];
while (queue.length > 0) {
  const node = queue.shift()!;
  console.log(node, dist.get(node));
  for (const next of graph.neighbors(node)) {
    if (!dist.has(next)) {
      dist.set(next, dist.get(node)! + 1);
      queue.push(next);
    }
  }
}
export default [...dist];
`;
const PATH = {
  nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }],
  edges: [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
  ],
};

async function main(): Promise<void> {
  rmSync(target, { force: true });
  const flags = [...workerFlags(workerReadPaths(distDir), DEFAULT_MEMORY_LIMIT_MB), `--allow-fs-write=${partial}`];
  const child = spawn(process.execPath, [...flags, join(distDir, 'node.worker.js')], {
    cwd: distDir,
    env: { STEPGRAPH_CODE_CACHE_OUT: partial },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const worker = new WorkerProcess(child, { maxMessageBytes: 2 ** 26, stopGraceMs: 1000 });
  await worker.ready();
  const requests: RunRequest[] = [
    { files: { 'main.ts': WARM_UP }, main: 'main.ts', graph: PATH },
    { files: { 'main.js': 'export default 1' }, main: 'main.js', graph: PATH },
  ];
  for (const request of requests) {
    const options = { version: 'build', trace: 'columns' as const, indent: 0 };
    const end = await worker.run(request, options, undefined, () => undefined).done;
    if (end.kind !== 'answered' || !end.outcome.ok) throw new Error(`the warm-up run failed: ${JSON.stringify(end)}`);
  }
  await worker.end();
  if (!existsSync(partial)) throw new Error('the worker wrote no code cache');
  renameSync(partial, target);
}

main().then(
  () => process.stdout.write(`stepgraph: wrote ${target}\n`),
  (e: unknown) => {
    rmSync(partial, { force: true });
    process.stderr.write(
      `stepgraph: no code cache (${(e as Error).message}); workers will compile their engine as they start\n`,
    );
    process.exitCode = 1;
  },
);
