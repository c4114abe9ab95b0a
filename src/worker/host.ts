import type { EngineHost } from '../executor/engine';
import type { NetworkHost } from '../kernel/aio/network';
import type { Millis } from '../shared/brand';

/**
 * The engine's host inside a Web Worker: the worker's own clock and timers, a macrotask between
 * kernel ticks (MessageChannel) so that incoming messages are never starved, and `network` for the
 * kernel's network device: in the sandbox, a request to the page (the sandbox itself has none).
 */
export function workerHost(network?: NetworkHost): EngineHost {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    now: () => performance.now() as Millis,
    yieldToHost: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      }),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
    ...(network ? { fetch: network } : {}),
  };
}
