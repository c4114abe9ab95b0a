// Two `stepgraph serve` instances behind nginx (Debian's package, which .ci/run installs): under
// load, one is drained with SIGTERM and no request is lost (docs/DEPLOY.md shows the same setup).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, http, postRun, serve, until, type Server } from './harness';

const NGINX = process.env.STEPGRAPH_NGINX ?? '/usr/sbin/nginx';

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** nginx in front of `upstreams`, retrying a request on the other instance when one refuses it (503) or is gone. */
function nginxConfig(dir: string, port: number, upstreams: string[]): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream stepgraph {
${upstreams.map((u) => `    server ${u} max_fails=0;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    location / {
      proxy_pass http://stepgraph;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_503 non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
}

let dir = '';
let nginx: ChildProcess | undefined;
let a: Server;
let b: Server;
let front = '';

beforeAll(async () => {
  assertBuilt();
  const version = spawnSync(NGINX, ['-v']);
  if (version.error) throw new Error(`test/balancer: no nginx at ${NGINX} (apt-get install nginx-light; .ci/run does)`);
  [a, b] = await Promise.all([serve(['--workers', '1']), serve(['--workers', '1'])]);
  dir = mkdtempSync(join(tmpdir(), 'stepgraph-nginx-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    nginxConfig(
      dir,
      port,
      [a.url, b.url].map((u) => new URL(u).host),
    ),
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  front = `http://127.0.0.1:${port}`;
  await until(
    () =>
      http(front, { path: '/healthz' }).catch(
        () => new Promise<{ status: number }>((r) => setTimeout(() => r({ status: 0 }), 50)),
      ),
    (r) => r.status === 200,
  );
}, 60_000);

afterAll(() => {
  nginx?.kill('SIGTERM');
  a?.child.kill('SIGKILL');
  b?.child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
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
