import type { EngineHost } from '../executor/engine';
import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import type { Millis } from '../shared/brand';

/** The worker's own `fetch` for the kernel's `network` device: the whole body, read as text. */
async function workerFetch(req: NetworkRequest): Promise<NetworkResponse> {
  const r = await fetch(req.url, {
    method: req.method ?? 'GET',
    ...(req.headers ? { headers: req.headers } : {}),
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  const headers: Record<string, string> = {};
  r.headers.forEach((value, name) => (headers[name] = value));
  return { url: r.url, status: r.status, statusText: r.statusText, headers, body: await r.text() };
}

/**
 * The engine's host inside a Web Worker: the worker's own clock, timers and `fetch`, and a
 * macrotask between kernel ticks (MessageChannel) so that incoming messages are never starved.
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
    fetch: workerFetch,
  };
}
