import { Engine } from '../src/executor/engine';
import type { NetworkHost } from '../src/kernel/aio/network';
import type { RunRequest } from '../src/protocol/run';
import { ten } from '../src/samples/graphs/ten';

/** An engine hosted in-process on Node's own timers: what the unit tests run scripts through. */
export function nodeEngine(options: { fetch?: NetworkHost; traced?: boolean } = {}): Engine {
  return new Engine(
    {
      now: () => performance.now() as never,
      yieldToHost: () => new Promise((r) => setImmediate(r)),
      timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
    undefined,
    options.traced ?? true,
  );
}

/** A request for one TypeScript file on the ten-node sample graph. */
export function request(code: string, extra: Partial<RunRequest> = {}): RunRequest {
  return { files: { 'main.ts': code }, main: 'main.ts', graph: ten.data, ...extra };
}

/** An engine that runs scripts in the same compartments without instrumentation: the native side of a comparison. */
export function nativeEngine(): Engine {
  return nodeEngine({ traced: false });
}
