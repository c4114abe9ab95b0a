// The second part of `npm run bench:server`: one `serve` instance alone against two behind nginx
// (Debian's package), each instance with one worker, under the same 16 keep-alive clients posting
// the BFS sample. Prints throughput and latency of both, and their ratio, measured in one run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { algorithmById, graphById } from '../../src/samples';
import { startNginx } from '../../test/cli/nginx';
import { keepAlive, load, percentile, type Batch } from './load';

const CLIENTS = 16;
const TOTAL = Number(process.env.BENCH_BALANCED_REQUESTS ?? 2_000);
const WARMUP = 200;

const bfs = algorithmById('bfs');
const graph = bfs && graphById(bfs.graph);
if (!bfs || !graph) throw new Error('bench/balanced: the BFS sample is missing');
const body = JSON.stringify({ files: { 'main.ts': bfs.code }, graph: graph.data });
const bin = fileURLToPath(new URL('../../bin/stepgraph.js', import.meta.url));

/** Starts `serve --workers 1` on a free port; resolves with its URL. */
function instance(): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '1']);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`bench/balanced: serve exited with ${code}`)));
  });
}

async function measure(url: string): Promise<Batch> {
  const agent = keepAlive(CLIENTS);
  await load(`${url}/run`, body, WARMUP, CLIENTS, agent);
  const batch = await load(`${url}/run`, body, TOTAL, CLIENTS, agent);
  agent.destroy();
  return batch;
}

const alone = await instance();
const one = await measure(alone.url);
alone.child.kill('SIGTERM');
const [a, b] = await Promise.all([instance(), instance()]);
const nginx = await startNginx([a.url, b.url].map((u) => new URL(u).host));
const two = await measure(nginx.url);
nginx.stop();
a.child.kill('SIGTERM');
b.child.kill('SIGTERM');

const rate = (x: Batch): number => (x.latencies.length / x.wallMs) * 1000;
const row = (name: string, x: Batch): string =>
  `${name.padEnd(28)} ${Math.round(rate(x)).toString().padStart(8)} ${percentile(x.latencies, 50).toFixed(1).padStart(8)} ${percentile(x.latencies, 99).toFixed(1).padStart(8)} ${String(x.failed).padStart(7)}`;
console.log(
  `\none instance against two behind nginx (one worker each, ${cpus().length} cores, ${CLIENTS} clients, ${TOTAL} requests)`,
);
console.log(
  `${''.padEnd(28)} ${'runs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`,
);
console.log(row('one instance', one));
console.log(row('two instances behind nginx', two));
console.log(
  `ratio (two / one): throughput ${(rate(two) / rate(one)).toFixed(2)}×, p99 ${(percentile(two.latencies, 99) / percentile(one.latencies, 99)).toFixed(2)}×`,
);
