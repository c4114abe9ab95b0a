import type { EngineHost } from '../executor/engine';
import type { Millis } from '../shared/brand';

/**
 * The engine's host inside a Web Worker: the worker's own clock and timers, and a macrotask
 * between kernel ticks (MessageChannel) so that incoming messages are never starved.
 */
export function workerHost(): EngineHost {
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
  };
}
