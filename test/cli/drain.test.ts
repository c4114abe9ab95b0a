// `stepgraph serve` under load and at shutdown: a bounded queue (503) and the drain on SIGTERM.
import { request } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, http, postRun, serve, until, type Server } from './harness';

beforeAll(assertBuilt);

const started: Server[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.child.kill('SIGKILL');
});

const slow = (ms: number, result: number) => ({
  code: `await sleep(${ms});\nexport default ${result};`,
  options: { trace: 'none' },
});
const running = (url: string, n: number) =>
  until(
    () => http(url, { path: '/env' }),
    (a) => a.json.pool.running === n,
  );

describe('stepgraph serve: queue and drain', () => {
  it('past the workers and the queue, 503 with Retry-After; the accepted runs all complete', async () => {
    const server = await serve(['--workers', '1', '--queue', '1']);
    started.push(server);
    const first = postRun(server.url, slow(1500, 1));
    await running(server.url, 1);
    const second = postRun(server.url, slow(10, 2));
    await until(
      () => http(server.url, { path: '/env' }),
      (a) => a.json.pool.waiting === 1,
    );
    // a load balancer's readiness probe sees the full queue before anyone is refused
    const ready = await http(server.url, { path: '/readyz' });
    expect([ready.status, ready.json]).toEqual([503, { ok: false, status: 'queue full' }]);
    const third = await postRun(server.url, slow(10, 3));
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('1');
    expect(third.json.error.code).toBe('HTTP_QUEUE_FULL');
    const done = await Promise.all([first, second]);
    expect(done.map((d) => [d.status, d.json.result])).toEqual([
      [200, 1],
      [200, 2],
    ]);
  });

  it('SIGTERM: the run in flight completes, new requests get 503, then the process exits 0', async () => {
    const server = await serve(['--workers', '1']);
    started.push(server);
    const inFlight = postRun(server.url, slow(1500, 7));
    await running(server.url, 1);
    server.child.kill('SIGTERM');
    await server.stderrLine(/SIGTERM: finishing 1 request/);
    // draining: alive, not ready
    const [alive, ready] = await Promise.all([
      http(server.url, { path: '/healthz' }),
      http(server.url, { path: '/readyz' }),
    ]);
    expect([alive.status, ready.status, ready.json]).toEqual([200, 503, { ok: false, status: 'draining' }]);
    const refused = await postRun(server.url, slow(1, 8));
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('HTTP_SHUTTING_DOWN');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, result: 7 });
    expect(await server.exited).toBe(0);
  });

  it('a client that goes away stops its run, freeing the worker', async () => {
    const server = await serve(['--workers', '1', '--time-limit-ms', '60000']);
    started.push(server);
    const req = request(new URL('/run', server.url), { method: 'POST', agent: false });
    req.on('error', () => undefined);
    req.end(JSON.stringify(slow(60_000, 1)));
    await running(server.url, 1);
    const t0 = performance.now();
    req.destroy();
    await running(server.url, 0);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect((await postRun(server.url, { code: 'export default 2' })).json.result).toBe(2);
  });
});
