// `npm run soak` (not in CI): the real `stepgraph serve` under 16 clients sending a mix of benign and
// hostile requests (memory bombs, output floods, JSON.parse bombs, endless loops, runaway regular
// expressions) while slow sockets hold connections open, for SOAK_MINUTES (10). Every benign request
// must be answered with the right result. Prints, per minute: requests by kind, benign p50/p99,
// wrong or missing benign answers, and the resident memory of the server and its workers.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { algorithmById, graphById } from '../../src/samples';
import { keepAlive, percentile } from '../server/load';

const CLIENTS = 16;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SLOW_SOCKETS = 8;

const bfs = algorithmById('bfs');
const graph = bfs && graphById(bfs.graph);
if (!bfs || !graph) throw new Error('soak: the BFS sample is missing');

/** Each kind: its request body and how often it is sent (weights). */
const KINDS: Record<string, { weight: number; body: string }> = {
  benign: { weight: 10, body: JSON.stringify({ files: { 'main.ts': bfs.code }, graph: graph.data }) },
  memory: {
    weight: 1,
    body: JSON.stringify({ code: 'const a = [];\nwhile (true) a.push(new Array(100_000).fill(1));' }),
  },
  output: { weight: 1, body: JSON.stringify({ code: "for (let i = 0; i < 400_000; i++) console.log('flood ' + i);" }) },
  parse: {
    weight: 1,
    body: JSON.stringify({
      code: "const t = '[' + '1,'.repeat(20_000_000) + '1]';\nexport default JSON.parse(t).length;",
    }),
  },
  endless: { weight: 1, body: JSON.stringify({ code: 'while (true) {}', options: { timeLimitMs: 1000 } }) },
  regex: {
    weight: 1,
    body: JSON.stringify({ code: "/^(a+)+$/.test('a'.repeat(40) + '!');", options: { timeLimitMs: 500 } }),
  },
};
const bag = Object.entries(KINDS).flatMap(([k, v]) => Array<string>(v.weight).fill(k));

const bin = fileURLToPath(new URL('../../bin/stepgraph.js', import.meta.url));
const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--client-connections', '64'], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /listening on (\S+)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`soak: the server exited (${code}) before listening`)));
});
let crashed = false;
server.once('exit', () => (crashed = true));

/** Resident memory of the server and its worker processes, in MB (Linux /proc). */
function treeRssMb(root: number): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p !== root) continue;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

const agent = keepAlive(CLIENTS);
function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = request(`${url}/run`, { method: 'POST', agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (e) => resolve({ status: 0, text: String(e) }));
    req.end(body);
  });
}

const expected = await post(KINDS.benign?.body ?? '');
const expectedResult = JSON.stringify((JSON.parse(expected.text) as { result: unknown }).result);

/** Slow sockets (slowloris) from another address, renewed as the server closes them. */
const slow = new Set<Socket>();
function holdSlowSocket(): void {
  if (crashed) return;
  const u = new URL(url);
  const s = connect({ host: u.hostname, port: Number(u.port), localAddress: '127.0.0.2' }, () =>
    s.write('POST /run HTTP/1.1\r\nHost: x\r\n'),
  );
  slow.add(s);
  s.on('error', () => undefined);
  s.once('close', () => {
    slow.delete(s);
    setTimeout(holdSlowSocket, 100);
  });
}
for (let i = 0; i < SLOW_SOCKETS; i++) holdSlowSocket();

interface Minute {
  counts: Record<string, number>;
  benignMs: number[];
  wrong: number;
}
const fresh = (): Minute => ({ counts: {}, benignMs: [], wrong: 0 });
let minute = fresh();
let totalWrong = 0;
const end = performance.now() + MINUTES * 60_000;
let pick = 0;

async function client(): Promise<void> {
  while (performance.now() < end && !crashed) {
    const kind = bag[pick++ % bag.length] as string;
    const t0 = performance.now();
    const r = await post(KINDS[kind]?.body ?? '');
    minute.counts[kind] = (minute.counts[kind] ?? 0) + 1;
    if (kind !== 'benign') continue;
    minute.benignMs.push(performance.now() - t0);
    const ok =
      r.status === 200 &&
      JSON.stringify((JSON.parse(r.text || '{}') as { result?: unknown }).result) === expectedResult;
    if (!ok) {
      minute.wrong++;
      totalWrong++;
    }
  }
}

console.log(
  `soak: ${url}, ${CLIENTS} clients, ${SLOW_SOCKETS} slow sockets, ${MINUTES} min; kinds ${Object.keys(KINDS).join(', ')}`,
);
console.log('min  requests  benign  p50 ms  p99 ms  wrong  RSS MB (server + workers)');
let m = 0;
const report = setInterval(() => {
  m++;
  const total = Object.values(minute.counts).reduce((a, b) => a + b, 0);
  console.log(
    String(m).padStart(3),
    String(total).padStart(9),
    String(minute.counts.benign ?? 0).padStart(7),
    percentile(minute.benignMs, 50).toFixed(0).padStart(7),
    percentile(minute.benignMs, 99).toFixed(0).padStart(7),
    String(minute.wrong).padStart(6),
    treeRssMb(server.pid ?? 0)
      .toFixed(0)
      .padStart(8),
  );
  minute = fresh();
}, 60_000);
await Promise.all(Array.from({ length: CLIENTS }, client));
clearInterval(report);
for (const s of slow) s.destroy();
const alive = !crashed;
server.kill('SIGTERM');
console.log(`\nserver ${alive ? 'alive' : 'CRASHED'} to the end; benign answers wrong or missing: ${totalWrong}`);
process.exit(alive && totalWrong === 0 ? 0 : 1);
