import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createControlBlock, readControl, requestStop } from '../src/shared/control';
import { request } from './engine';

/**
 * K-CTL3 across a real thread boundary: the engine runs in a `worker_threads` worker (the Node
 * twin of the browser's runtime worker) while this thread reads progress from, and writes a stop
 * into, the shared control block. A script's busy loop never gives the worker's event loop a turn,
 * so nothing but shared memory can reach it.
 */

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'node_modules/.cache/stepgraph-node-worker');
let bundle = '';
let worker: Worker | undefined;

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    publicDir: false,
    // graphology on the `events` package, bundled, as in dist-cli (see vitest.config.ts)
    resolve: { alias: { events: resolve(root, 'node_modules/events/events.js') } },
    ssr: { noExternal: [/graphology/, 'events'] },
    build: {
      ssr: resolve(root, 'test/nodeWorker.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: 'nodeWorker.mjs' } },
    },
  });
  bundle = resolve(outDir, 'nodeWorker.mjs');
}, 60_000);

afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

interface Outcome {
  ok: boolean;
  error?: { code: string };
  steps: number;
}

/** Starts `code` in a fresh worker; resolves with the response's summary. */
function start(code: string, control: Int32Array): Promise<Outcome> {
  worker = new Worker(bundle);
  const done = new Promise<Outcome>((ok, fail) => {
    worker?.once('message', ok);
    worker?.once('error', fail);
  });
  worker.postMessage({
    request: request(code, { settings: { timeLimitMs: 30_000, stepLimit: 2_000_000_000 } }),
    control,
  });
  return done;
}

/**
 * Queries progress every ~2 ms for `ms`, as a page would: each answer's age is the time since this
 * thread first saw that value (an upper bound). Returns the ages' 95th percentile and maximum: the
 * maximum also counts the moments the OS gave neither thread the CPU.
 */
async function queryProgress(control: Int32Array, ms: number): Promise<{ p95: number; max: number; steps: number }> {
  const until = performance.now() + ms;
  let seq = readControl(control).seq;
  let changedAt = performance.now();
  const ages: number[] = [];
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 2));
    const now = performance.now();
    const c = readControl(control);
    if (c.seq !== seq) {
      seq = c.seq;
      changedAt = now;
    }
    ages.push(now - changedAt);
  }
  ages.sort((a, b) => a - b);
  const p95 = ages[Math.floor(ages.length * 0.95)] ?? Infinity;
  return { p95, max: ages[ages.length - 1] ?? Infinity, steps: readControl(control).steps };
}

/** Waits until the engine says the run is running. */
async function running(control: Int32Array): Promise<void> {
  const until = performance.now() + 20_000;
  while (readControl(control).state !== 'running') {
    if (performance.now() > until) throw new Error('the run never started');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Sets the stop flag; resolves with the ms until the response arrived. */
async function stopAndTime(control: Int32Array, done: Promise<Outcome>): Promise<{ ms: number; outcome: Outcome }> {
  const t0 = performance.now();
  requestStop(control);
  const outcome = await done;
  return { ms: performance.now() - t0, outcome };
}

describe('control block across worker_threads', () => {
  it('[K-CTL1] [K-CTL2] [K-CTL3] a long busy run: progress is never 50 ms old, and a stop is answered within 50 ms', async () => {
    const control = createControlBlock(true);
    // each step does some untraced work, as real steps do: the run stays busy for as long as it is let
    const code =
      'let total = 0;\nwhile (true) {\n  total += Array.from({ length: 300 }, (_, i) => i).reduce((a, b) => a + b, 0);\n}';
    const done = start(code, control);
    await running(control);
    const progress = await queryProgress(control, 800);
    expect(progress.steps).toBeGreaterThan(1000);
    const { ms, outcome } = await stopAndTime(control, done);
    console.info(
      `[K-CTL3] busy run of ${progress.steps} steps: progress ${progress.p95.toFixed(1)} ms old at the 95th percentile (${progress.max.toFixed(1)} ms at most); stop answered in ${ms.toFixed(1)} ms`,
    );
    expect(progress.p95).toBeLessThan(50);
    expect(ms).toBeLessThan(50);
    expect(outcome.error?.code).toBe('STOPPED');
    expect(readControl(control).state).toBe('ended');
  });

  it('[K-CTL2] [K-CTL3] a run that waits is stopped within 50 ms too', async () => {
    const control = createControlBlock(true);
    const done = start('while (true) {\n  await sleep(1000);\n}', control);
    await running(control);
    await new Promise((r) => setTimeout(r, 100));
    const { ms, outcome } = await stopAndTime(control, done);
    console.info(`[K-CTL3] sleeping run: stop answered in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(50);
    expect(outcome.error?.code).toBe('STOPPED');
  });
});
