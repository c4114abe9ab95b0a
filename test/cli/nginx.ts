// nginx (Debian's package) in front of `stepgraph serve` instances, for the balancer test and
// `npm run bench:server`: retries a request on the other instance when one refuses it (503) or is gone.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
export function nginxConfig(dir: string, port: number, upstreams: string[]): string {
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

/** A running nginx: its URL, and how to stop it (its files go too). */
export interface Nginx {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Stops nginx and removes its directory. */
  stop(): void;
}

/** Starts nginx in front of `upstreams` (`host:port` each); resolves once it answers `/healthz`. */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const version = spawnSync(NGINX, ['-v']);
  if (version.error) throw new Error(`test/nginx: no nginx at ${NGINX} (apt-get install nginx-light; .ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'stepgraph-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, upstreams));
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const stop = (): void => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop };
    if (tries > 200 || child.exitCode !== null) {
      stop();
      throw new Error(`test/nginx: nginx did not start (exit ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
