import { Agent, request } from 'node:http';

/** Latencies and failures of a batch of requests. */
export interface Batch {
  /** Milliseconds per request, in completion order. */
  latencies: number[];
  /** Requests that did not get 200 with `ok: true`. */
  failed: number;
  /** Milliseconds from the first request to the last answer. */
  wallMs: number;
}

/** POSTs `body` to `url` `total` times from `clients` concurrent clients over keep-alive connections. */
export async function load(url: string, body: string, total: number, clients: number, agent: Agent): Promise<Batch> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          if (res.statusCode !== 200 || !text.startsWith('{"ok":true')) failed++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  const client = async (): Promise<void> => {
    while (next < total) {
      next++;
      await one();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  return { latencies, failed, wallMs: performance.now() - t0 };
}

/** The `p`-th percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Creates a keep-alive agent with one socket per client. */
export const keepAlive = (clients: number): Agent => new Agent({ keepAlive: true, maxSockets: clients });
