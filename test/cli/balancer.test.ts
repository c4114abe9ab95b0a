// Two `stepgraph serve` instances behind nginx (Debian's package, which .ci/run installs): under
// load, one is drained with SIGTERM and no request is lost (docs/DEPLOY.md shows the same setup).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, http, postRun, serve, type Server } from './harness';
import { startNginx, type Nginx } from './nginx';

let nginx: Nginx | undefined;
let a: Server;
let b: Server;
let front = '';

beforeAll(async () => {
  assertBuilt();
  [a, b] = await Promise.all([serve(['--workers', '1']), serve(['--workers', '1'])]);
  nginx = await startNginx([a.url, b.url].map((u) => new URL(u).host));
  front = nginx.url;
}, 60_000);

afterAll(() => {
  nginx?.stop();
  a?.child.kill('SIGKILL');
  b?.child.kill('SIGKILL');
});

/** The runs an instance has answered, from its own metrics. */
async function answered(s: Server): Promise<number> {
  const text = (await http(s.url, { path: '/metrics' })).text;
  const line = text.split('\n').find((l) => l.startsWith('stepgraph_runs_total{outcome="ok"} '));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('serve behind nginx', () => {
  it('both instances take runs; one drained with SIGTERM under load loses no request', async () => {
    const job = (i: number) => ({ code: `await sleep(40);\nexport default ${i} * 3;`, options: { trace: 'none' } });
    const results: Array<{ status: number; result: unknown; want: number }> = [];
    let sent = 0;
    let drained: Promise<number | null> | undefined;
    // 8 clients, 30 requests each, one after another; instance a is drained a third of the way in
    const client = async (c: number): Promise<void> => {
      for (let k = 0; k < 30; k++) {
        const i = c * 100 + k;
        if (++sent === 80) {
          expect(await answered(a)).toBeGreaterThan(0);
          expect(await answered(b)).toBeGreaterThan(0);
          a.child.kill('SIGTERM');
          drained = a.exited;
        }
        const r = await postRun(front, job(i));
        results.push({ status: r.status, result: (r.json as { result?: unknown } | undefined)?.result, want: i * 3 });
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, c) => client(c)));
    expect(results).toHaveLength(240);
    const lost = results.filter((r) => r.status !== 200 || r.result !== r.want);
    expect(lost).toEqual([]);
    // the drained instance finished what it had and exited cleanly; the other one took the rest
    expect(await drained).toBe(0);
    expect(await answered(b)).toBeGreaterThan(120);
  }, 120_000);
});
