// A Node `worker_threads` host of the engine, like the browser's runtime.worker.ts: what the
// control-block test runs scripts in, across a real thread boundary.
import '../src/worker/lockdown';
import { parentPort } from 'node:worker_threads';
import { Engine } from '../src/executor/engine';
import type { RunRequest } from '../src/protocol/run';

const engine = new Engine({
  now: () => performance.now() as never,
  yieldToHost: () => new Promise((r) => setImmediate(r)),
  timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
});

parentPort?.on('message', (msg: { request: RunRequest; control: Int32Array }) => {
  void engine
    .run(msg.request, { control: msg.control })
    .then((r) =>
      parentPort?.postMessage({ ok: r.ok, error: r.error, steps: r.trace.stepCount, wallMs: r.stats.wallMs }),
    );
});
