// `stepgraph serve` behind a load balancer: liveness, readiness and Prometheus metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, http, postRun, serve, type Server } from './harness';

let server: Server;

beforeAll(async () => {
  assertBuilt();
  server = await serve(['--workers', '1', '--max-body', '2000']);
});
afterAll(() => server?.child.kill('SIGKILL'));

/** The value of one sample line of the metrics text, or undefined when it is not there. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('stepgraph serve: probes and metrics', () => {
  it('GET /healthz and /readyz answer 200 while the server takes runs; HEAD too', async () => {
    const [health, ready, head] = await Promise.all([
      http(server.url, { path: '/healthz' }),
      http(server.url, { path: '/readyz' }),
      http(server.url, { path: '/readyz', method: 'HEAD' }),
    ]);
    expect([health.status, health.json]).toEqual([200, { ok: true, status: 'alive' }]);
    expect([ready.status, ready.json]).toEqual([200, { ok: true, status: 'ready' }]);
    expect([head.status, head.text]).toEqual([200, '']);
    const post = await http(server.url, { path: '/metrics', method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('GET /metrics counts runs by outcome, failures by code, latency and refusals, in Prometheus text', async () => {
    const before = (await http(server.url, { path: '/metrics' })).text;
    const ok0 = sample(before, 'stepgraph_runs_total{outcome="ok"}') ?? 0;
    await postRun(server.url, { code: 'export default 1;', options: { trace: 'none' } });
    await postRun(server.url, { code: 'let a = ;', options: { trace: 'none' } });
    await postRun(server.url, { code: 'let i = 0;\nwhile (true) i++;', options: { stepLimit: 10, trace: 'none' } });
    const tooBig = await http(server.url, { path: '/run', method: 'POST', body: 'x'.repeat(5000) });
    expect(tooBig.status).toBe(413);
    const answer = await http(server.url, { path: '/metrics' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = answer.text;
    expect(sample(text, 'stepgraph_runs_total{outcome="ok"}')).toBe(ok0 + 1);
    expect(sample(text, 'stepgraph_run_failures_total{code="PREP_SYNTAX",phase="prep"}')).toBe(1);
    expect(sample(text, 'stepgraph_run_failures_total{code="LIMIT_STEPS",phase="limit"}')).toBe(1);
    expect(sample(text, 'stepgraph_http_refusals_total{code="HTTP_BODY_TOO_LARGE"}')).toBe(1);
    expect(sample(text, 'stepgraph_run_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'stepgraph_queue_length')).toBe(0);
    expect(sample(text, 'stepgraph_runs_in_progress')).toBe(0);
    expect(sample(text, 'stepgraph_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
