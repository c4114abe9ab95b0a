// `npm run bench:cli`: the real `stepgraph run`, as a user starts it, measured in one run against a
// bare `node -e 0` and against the same request with `"trace": "none"`: BFS on 10×10 … 200×200
// grids with the default (compact) trace. Whole-process wall time, response bytes per step, peak
// RSS (the largest of the command's processes, from GNU time's wait4), and the bounds.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grid } from '../graphs';
import { BFS } from '../scripts';

const BIN = fileURLToPath(new URL('../../bin/stepgraph.js', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '10,30,100,200').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'bench-cli-'));

/** One process run: wall ms, peak RSS in MB, stdout bytes and text. */
interface Sample {
  ms: number;
  rssMb: number;
  bytes: number;
  stdout: string;
}

/** Runs `args` under GNU time, `input` on stdin. */
function measure(args: string[], input = ''): Promise<Sample> {
  const out = join(tmp, 'time.txt');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', out, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    const parts: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => parts.push(d));
    child.stdin.end(input);
    child.once('error', reject);
    child.once('close', () => {
      const ms = performance.now() - started;
      const stdout = Buffer.concat(parts);
      const rssKb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
      resolve({ ms, rssMb: rssKb / 1024, bytes: stdout.length, stdout: stdout.toString() });
    });
  });
}

/** The median sample by time of `REPEAT` runs. */
async function median(args: string[], input = ''): Promise<Sample> {
  const all: Sample[] = [];
  for (let i = 0; i < REPEAT; i++) all.push(await measure(args, input));
  all.sort((a, b) => a.ms - b.ms);
  return all[Math.floor(all.length / 2)] as Sample;
}

const run = (request: unknown): Promise<Sample> => median([process.execPath, BIN, 'run'], JSON.stringify(request));
const fmt = (n: number, digits = 0): string => n.toFixed(digits);
const pad = (cells: Array<string | number>, w = 11): string => cells.map((c) => String(c).padStart(w)).join(' ');

const bare = await median([process.execPath, '-e', '0']);
const trivial = await run({ code: 'export default 1', options: { trace: 'none' } });
const startupRatio = trivial.ms / bare.ms;
console.log(`node -e 0: ${fmt(bare.ms)} ms, RSS ${fmt(bare.rssMb)} MB (median of ${REPEAT})`);
console.log(
  `stepgraph run of "export default 1": ${fmt(trivial.ms)} ms = ${fmt(startupRatio, 2)}× node -e 0 ` +
    `(bound 3×: ${startupRatio <= 3 ? 'holds' : 'NOT YET'})\n`,
);
console.log(pad(['grid', 'steps', 'ms', 'none ms', '×none', 'bytes', 'B/step', 'RSS MB', 'none RSS', 'full trace']));
const failures: string[] = [];
for (const n of SIZES) {
  const graph = grid(n, n);
  const traced = await run({ code: BFS, graph });
  const none = await run({ code: BFS, graph, options: { trace: 'none' } });
  const json = JSON.parse(traced.stdout) as { ok: boolean; stats: { steps: number }; trace?: { stepCount: number } };
  const steps = json.stats.steps;
  const full = json.ok && json.trace?.stepCount === steps;
  const ratio = traced.ms / none.ms;
  const perStep = traced.bytes / steps;
  console.log(
    pad([
      `${n}×${n}`,
      steps,
      fmt(traced.ms),
      fmt(none.ms),
      fmt(ratio, 2),
      traced.bytes,
      fmt(perStep, 1),
      fmt(traced.rssMb),
      fmt(none.rssMb),
      full ? 'yes' : 'NO',
    ]),
  );
  if (!full) failures.push(`${n}×${n}: the run did not end ok with its full trace`);
  if (perStep > 24) failures.push(`${n}×${n}: ${fmt(perStep, 1)} bytes a step, over 24`);
  if (n >= 200 && ratio > 3) failures.push(`${n}×${n}: ${fmt(ratio, 2)}× the "none" run, over 3×`);
}
if (startupRatio > 3) failures.push(`startup ${fmt(startupRatio, 2)}× node -e 0, over 3×`);
console.log(failures.length === 0 ? '\nevery bound holds' : `\nbounds not met:\n  ${failures.join('\n  ')}`);
rmSync(tmp, { recursive: true, force: true });
