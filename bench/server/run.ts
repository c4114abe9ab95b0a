// `npm run bench:server`: the real `stepgraph serve` (default pool: one thread per core) under 16
// concurrent keep-alive clients posting the BFS sample on the ten-node graph, trace included.
// Prints throughput and latency per 1,000 requests and the server's memory as it goes.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { algorithmById, graphById } from '../../src/samples';
import { keepAlive, load, percentile } from './load';

const CLIENTS = 16;
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 10_000);
const ROUND = 1_000;
const WARMUP = 500;

const bfs = algorithmById('bfs');
const graph = bfs && graphById(bfs.graph);
if (!bfs || !graph) throw new Error('bench/server: the BFS sample is missing');
const body = JSON.stringify({ files: { 'main.ts': bfs.code }, graph: graph.data });

const bin = fileURLToPath(new URL('../../bin/stepgraph.js', import.meta.url));
const server = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /listening on (\S+) \((.*)\)/.exec(out);
    if (m?.[1]) {
      console.log(
        `server: ${m[2]}; ${CLIENTS} clients; load average before: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
      resolve(m[1]);
    }
  });
  server.once('exit', (code) => reject(new Error(`bench/server: serve exited with ${code}`)));
});

const env = async (): Promise<{ memory: { rssMb: number; heapUsedMb: number } }> => (await fetch(`${url}/env`)).json();
const agent = keepAlive(CLIENTS);
await load(`${url}/run`, body, WARMUP, CLIENTS, agent);
const before = (await env()).memory;
console.log(`after ${WARMUP} warm-up requests: RSS ${before.rssMb} MB, heap ${before.heapUsedMb} MB\n`);

const W = [10, 10, 9, 9, 9, 8, 9, 9];
const row = (cells: Array<string | number>): string => cells.map((c, i) => String(c).padStart(W[i] ?? 8)).join(' ');
console.log(row(['requests', 'runs/s', 'p50 ms', 'p99 ms', 'max ms', 'failed', 'RSS MB', 'heap MB']));
const all: number[] = [];
let failed = 0;
let wallMs = 0;
for (let done = 0; done < TOTAL; done += ROUND) {
  const batch = await load(`${url}/run`, body, Math.min(ROUND, TOTAL - done), CLIENTS, agent);
  all.push(...batch.latencies);
  failed += batch.failed;
  wallMs += batch.wallMs;
  const { rssMb, heapUsedMb } = (await env()).memory;
  const l = batch.latencies;
  console.log(
    row([
      done + l.length,
      Math.round((l.length / batch.wallMs) * 1000),
      percentile(l, 50).toFixed(1),
      percentile(l, 99).toFixed(1),
      Math.max(...l).toFixed(1),
      batch.failed,
      rssMb,
      heapUsedMb,
    ]),
  );
}
const after = (await env()).memory;
console.log(
  row([
    'all',
    Math.round((all.length / wallMs) * 1000),
    percentile(all, 50).toFixed(1),
    percentile(all, 99).toFixed(1),
    Math.max(...all).toFixed(1),
    failed,
    after.rssMb,
    after.heapUsedMb,
  ]),
);
console.log(
  `\nmemory after ${TOTAL} requests: RSS ${after.rssMb} MB (${(after.rssMb - before.rssMb).toFixed(1)} MB since warm-up), heap ${after.heapUsedMb} MB`,
);
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
agent.destroy();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
