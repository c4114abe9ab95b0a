// The executor's isolation (docs/EXECUTOR.md, "Isolation"): each run happens in a worker process
// under Node's permission model, the pool checks every message a worker sends, and a worker that
// dies, hangs or misbehaves is replaced while the next request is answered as usual.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from '../../src/cli/pool';
import { workerReadPaths } from '../../src/cli/readPaths';
import { workerFactory, workerFlags, type WorkerSettings } from '../../src/cli/spawnWorker';
import type { WorkerProcess } from '../../src/cli/workerProcess';
import type { RunRequest } from '../../src/protocol/run';
import { assertBuilt, ROOT } from './harness';
import { rogueEntry, ROGUE_MODES, type RogueMode } from './rogueWorker';
import { TraceCollector } from '../../src/cli/traceCollector';
import { readColumnsTrace } from '../../src/tracer/traceColumns';

const DIST = join(ROOT, 'dist-cli');
const SETTINGS: WorkerSettings = { distDir: DIST, memoryLimitMb: 128, network: false, stopGraceMs: 250 };
const OPTIONS = { version: 'test', trace: 'none' as const, indent: 0 };
const request = (code: string, timeLimitMs = 5000): RunRequest => ({
  files: { 'main.ts': code },
  main: 'main.ts',
  graph: { nodes: [], edges: [] },
  settings: { timeLimitMs, stepLimit: 1_000_000 },
});
const parsed = (code: string, timeLimitMs = 5000) => ({
  request: request(code, timeLimitMs),
  trace: 'none' as const,
  limits: { timeLimitMs, stepLimit: 1_000_000 },
});
const BENIGN = 'export default [1, 2, 3].map((n) => n * 2);';
const benignResult = { $: 'array', items: [2, 4, 6], size: 3 };

/** A pool of one whose workers come from `starts` in turn, then from the real factory; every worker it started. */
function poolOf(starts: Array<() => WorkerProcess> = [], runsPerWorker = 0): { pool: Pool; started: WorkerProcess[] } {
  const real = workerFactory(SETTINGS);
  const started: WorkerProcess[] = [];
  const startWorker = (): WorkerProcess => {
    const w = (starts.shift() ?? real)();
    started.push(w);
    return w;
  };
  const pool = new Pool({ size: 1, queue: 4, memoryLimitMb: 128, slackMs: 1000, runsPerWorker, startWorker });
  return { pool, started };
}

const body = async (pool: Pool, code: string, timeLimitMs = 5000) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response is checked field by field
  JSON.parse((await pool.submit(parsed(code, timeLimitMs), OPTIONS)!.outcome).body) as any;

beforeAll(assertBuilt);

describe('a worker process runs under the permission model', () => {
  it('is started with the permission model, reads of the paths given and nothing else allowed, a heap limit', () => {
    const flags = workerFlags([DIST, join(ROOT, 'package.json')], 96);
    expect(flags).toContain('--experimental-permission');
    expect(flags).toContain('--max-old-space-size=96');
    expect(flags).toContain('--no-addons');
    expect(flags.filter((f) => f.startsWith('--allow-'))).toEqual([
      `--allow-fs-read=${DIST}`,
      `--allow-fs-read=${join(ROOT, 'package.json')}`,
    ]);
  });

  it('reads only dist-cli/ and its package.json: the engine is one bundle that loads no package', () => {
    expect(workerReadPaths(DIST)).toEqual([DIST, join(ROOT, 'package.json')]);
    // the loader imports Node's builtins only, and the bundle requires nothing but builtins (one
    // optional `supports-color` in a try, which the permission model makes fail: the `debug` package)
    const loader = readFileSync(join(DIST, 'node.worker.js'), 'utf8');
    const imported = [...loader.matchAll(/^import .*?"([^"]+)";$/gm)].map((m) => m[1] as string);
    expect(imported.length).toBeGreaterThan(2);
    expect(imported.filter((i) => !i.startsWith('node:'))).toEqual([]);
    const bundle = readFileSync(join(DIST, 'node.worker.cjs'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\("([^"$]+)"\)/g)].map((m) => m[1] as string);
    const packages = required.filter((r) => !r.startsWith('node:') && !builtinModules.includes(r));
    expect(new Set(packages)).toEqual(new Set(['supports-color', 'flow-enums-runtime']));
    // flow-enums-runtime only in Babel's comments: a real require of it would be a call outside a comment
    expect(bundle).not.toMatch(/^[^*/\n]*=\s*require\("flow-enums-runtime"\)/m);
  });

  it('in its own realm: child processes, file writes, reads outside, worker threads, addons, bindings and the inspector all refused', async () => {
    const worker = workerFactory({ ...SETTINGS, probe: true })();
    try {
      await worker.ready();
      const results = await worker.probe();
      expect(results).toEqual({
        'child_process.execSync': 'ERR_ACCESS_DENIED',
        'fs.writeFileSync': 'ERR_ACCESS_DENIED',
        'fs.readFileSync(/etc/passwd)': 'ERR_ACCESS_DENIED',
        'new Worker': 'ERR_ACCESS_DENIED',
        'process.dlopen': 'ERR_DLOPEN_DISABLED',
        'process.binding': 'ERR_ACCESS_DENIED',
        'inspector.open': 'ERR_ACCESS_DENIED',
        // the server's environment is not inherited: only what the pool sets
        env: 'STEPGRAPH_WORKER_PROBE',
      });
    } finally {
      worker.terminate('test over');
    }
  });

  it('answers no probe unless the pool started it with one, which no request, flag or variable can do', async () => {
    const worker = workerFactory(SETTINGS)();
    try {
      await worker.ready();
      let probed = false;
      void worker.probe().then(() => (probed = true));
      // the worker reads its messages in order: a probe it answered would arrive before this run's answer
      const end = await worker.run(request(BENIGN), OPTIONS).done;
      expect(end.kind).toBe('answered');
      expect(probed).toBe(false);
      expect(worker.alive).toBe(true);
    } finally {
      worker.terminate('test over');
    }
  });
});

describe('the pool survives its workers', () => {
  let rogues: string;
  beforeAll(() => {
    rogues = join(mkdtempSync(join(tmpdir(), 'stepgraph-rogue-')), 'dist');
  });
  afterAll(() => rmSync(join(rogues, '..'), { recursive: true, force: true }));

  const rogue = (mode: RogueMode) => workerFactory({ ...SETTINGS, distDir: rogues, entry: rogueEntry(rogues, mode) });

  it.each((Object.keys(ROGUE_MODES) as RogueMode[]).filter((m) => m !== 'bigBody'))(
    'a worker that breaks the protocol (%s) is killed, the run gets INTERNAL',
    async (mode) => {
      const worker = rogue(mode)();
      await worker.ready();
      // the run's trace chunks go where the pool keeps them: decoded and checked first
      const collector = new TraceCollector(2 ** 20);
      const end = await worker.run(request(BENIGN), OPTIONS, undefined, (b) => collector.add(b)).done;
      expect(end).toMatchObject({ kind: 'died', reason: 'protocol' });
      expect(collector.steps).toBe(0);
      expect(worker.alive).toBe(false);
    },
  );

  it('a huge string under the bound is only a big answer', async () => {
    const worker = rogue('bigBody')();
    try {
      await worker.ready();
      const end = await worker.run(request(BENIGN), OPTIONS).done;
      expect(end.kind === 'answered' && end.outcome.body.length).toBe(8 * 2 ** 20);
      expect(worker.alive).toBe(true);
    } finally {
      worker.terminate('test over');
    }
  });

  it('after a worker forging answers, the next request runs in a fresh worker and is answered right', async () => {
    const { pool, started } = poolOf([rogue('foreignId')]);
    try {
      const first = await body(pool, BENIGN);
      expect(first.error).toMatchObject({
        phase: 'internal',
        code: 'INTERNAL',
        message: expect.stringContaining('broke the protocol'),
      });
      const next = await body(pool, BENIGN);
      expect(next).toMatchObject({ ok: true, result: benignResult });
      expect(started).toHaveLength(2);
    } finally {
      pool.close();
    }
  });

  it('--worker-runs 1: each request meets a fresh worker process, the used one is ended', async () => {
    const { pool, started } = poolOf([], 1);
    try {
      expect(await body(pool, BENIGN)).toMatchObject({ ok: true, result: benignResult });
      expect(started).toHaveLength(2);
      expect(started[0]!.alive).toBe(false);
      expect(await body(pool, BENIGN)).toMatchObject({ ok: true, result: benignResult });
      expect(started).toHaveLength(3);
      expect(started[1]!.alive).toBe(false);
      expect(new Set(started.map((w) => w.pid)).size).toBe(3);
    } finally {
      pool.close();
    }
  });

  it('a worker killed from outside under a run: INTERNAL, and the next request works', async () => {
    const { pool, started } = poolOf();
    try {
      const ticket = pool.submit(parsed('await sleep(60_000);'), OPTIONS)!;
      await started[0]!.ready();
      process.kill(started[0]!.pid!, 'SIGKILL');
      const first = JSON.parse((await ticket.outcome).body);
      expect(first.error).toMatchObject({
        phase: 'internal',
        code: 'INTERNAL',
        message: expect.stringContaining('SIGKILL'),
      });
      expect(await body(pool, BENIGN)).toMatchObject({ ok: true, result: benignResult });
    } finally {
      pool.close();
    }
  });

  it('a run stopped by its caller keeps every step that reached the pool, also when its worker is killed', async () => {
    const { pool } = poolOf();
    try {
      // a busy script never hears the stop: its worker is killed after the grace, its chunks stay
      const busy = {
        request: {
          ...request('let i = 0;\nwhile (true) {\n  i++;\n}'),
          settings: { timeLimitMs: 60_000, stepLimit: 1e12 },
        },
        trace: 'columns' as const,
        limits: { timeLimitMs: 60_000, stepLimit: 1e12 },
      };
      // the first chunk says the script is running: the caller goes away then
      const ticket: ReturnType<Pool['submit']> = pool.submit(busy, { ...OPTIONS, trace: 'columns' }, () =>
        ticket?.cancel(),
      );
      const json = JSON.parse((await ticket!.outcome).body);
      expect(json.error).toMatchObject({ phase: 'stopped', code: 'STOPPED' });
      const trace = readColumnsTrace(json.trace);
      expect(trace.stepCount).toBeGreaterThan(0);
      expect(trace.stepCount).toBe(json.stats.steps);
    } finally {
      pool.close();
    }
  });

  it('a stop reaches a waiting script at once: it ends cooperatively, with its trace, in the same worker', async () => {
    // a grace long enough for a loaded machine to compile the script: the stop must not need it
    const worker = workerFactory({ ...SETTINGS, stopGraceMs: 30_000 })();
    try {
      await worker.ready();
      const run = worker.run(request('let a = 1;\nawait sleep(60_000);'), OPTIONS);
      run.stop();
      const end = await run.done;
      expect(end.kind).toBe('answered');
      expect(end.kind === 'answered' && end.outcome.error).toMatchObject({ phase: 'stopped' });
      expect(worker.alive).toBe(true);
    } finally {
      worker.terminate('test over');
    }
  });

  it('a stop a busy script cannot hear (it never yields) kills its worker after the grace', async () => {
    const worker = workerFactory(SETTINGS)();
    try {
      await worker.ready();
      // limits far away, so that only the stop can end it
      const busy = {
        ...request('let i = 0;\nwhile (true) {\n  i++;\n}'),
        settings: { timeLimitMs: 60_000, stepLimit: 1e12 },
      };
      const run = worker.run(busy, OPTIONS, () => run.stop());
      const end = await run.done;
      expect(end).toMatchObject({ kind: 'died', reason: 'stopped' });
      expect(end.kind === 'died' && end.steps).toBeGreaterThan(0);
      expect(worker.alive).toBe(false);
    } finally {
      worker.terminate('test over');
    }
  });
});
