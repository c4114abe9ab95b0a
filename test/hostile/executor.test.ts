// The hostile suite through the headless executor: every case through `stepgraph serve` (one worker,
// so the follow-ups run where the case ran), a subset through `stepgraph run`. Ground truth: a TCP
// listener that must see nothing, marker files that must not exist, and the follow-ups after each
// case. STEPGRAPH_HOSTILE_BIN points the suite at another build of the command (an older one shows
// that the cases can fail).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cli, postRun, ROOT } from '../cli/harness';
import { CASES, CLI_CASES } from './cases';
import { checkBaseline, checkFollowUp, FOLLOW_UP } from './followUps';
import { fromExecutor, judge, prepare, type Outcome } from './judge';
import { startListener, type Listener } from './listener';
import type { HostileCase, Script } from './types';

const bin = process.env.STEPGRAPH_HOSTILE_BIN ?? BIN;
/** Exit codes of `stepgraph run` by phase (docs/EXECUTOR.md). */
const EXIT: Record<string, number> = { ok: 0, internal: 3, init: 5, prep: 7, runner: 13, limit: 17, memory: 19 };

let listener: Listener;
let dir: string;
let url: string;
let kill: () => void;
let baseline: Outcome;

/**
 * The network the executor may reach at all (`--allow-net`): with a host fetch in place, a URL check
 * that let the listener pass for api.example.com would show at the listener. (Builds from before
 * the flag existed are run without it.)
 */
let ALLOW_NET: string[] = [];

/** Starts `serve` on a free port with one worker; resolves with its URL. */
function serveOneWorker(): Promise<string> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '1', ...ALLOW_NET], { cwd: ROOT });
  kill = () => child.kill('SIGKILL');
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** The request body for `script`, with this case's marker. */
function body(script: Script, marker: string): object {
  const p = prepare(script, { listener: listener.url, port: listener.port, marker });
  return { files: p.files, main: p.main, graph: p.graph, options: p.limits, ...(p.grants ? { grants: p.grants } : {}) };
}

/** Runs `script` through the server. */
async function post(script: Script, marker = join(dir, 'none')): Promise<Outcome> {
  const answer = await postRun(url, body(script, marker));
  if (answer.status !== 200) return { ok: false, code: `HTTP_${answer.status}`, steps: -1, traced: false, output: '' };
  return fromExecutor(answer.json);
}

/** What the ground truths say since the case started: listener connections, a marker file. */
function groundTruth(since: number, marker: string): string[] {
  const problems: string[] = [];
  const seen = listener.connections.slice(since);
  if (seen.length > 0) {
    const lines = seen.map((c) => JSON.stringify(c.first.split('\r\n')[0]));
    problems.push(`the listener saw ${seen.length} connection(s): ${lines.join(', ')}`);
  }
  if (existsSync(marker)) problems.push(`the marker file ${marker} exists`);
  return problems;
}

beforeAll(async () => {
  if (bin === BIN) assertBuilt();
  if ((await cli(['--help'], '', {}, bin)).stdout.includes('--allow-net'))
    ALLOW_NET = ['--allow-net', 'https://api.example.com/...'];
  listener = await startListener();
  dir = mkdtempSync(join(tmpdir(), 'stepgraph-hostile-'));
  url = await serveOneWorker();
  baseline = await post(FOLLOW_UP);
  expect(checkBaseline(baseline)).toEqual([]);
}, 30_000);

afterAll(async () => {
  kill?.();
  await listener?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs one case and its follow-ups; every reason it was not contained. */
async function contain(c: HostileCase): Promise<string[]> {
  const since = listener.connections.length;
  const marker = join(dir, c.id);
  const problems = judge(c.contained, await post(c, marker));
  if (c.next) {
    const what = c.next.what;
    problems.push(...judge(c.next.contained, await post(c.next, marker)).map((p) => `${what}: ${p}`));
  }
  problems.push(...checkFollowUp(await post(FOLLOW_UP), baseline));
  return [...problems, ...groundTruth(since, marker)];
}

describe('hostile scripts through `stepgraph serve`: each contained, and the same server unharmed after it', () => {
  for (const c of CASES) {
    it(`[${c.id}] ${c.vector}`, async () => {
      expect(await contain(c)).toEqual([]);
    }, 30_000);
  }

  it('over the whole suite, the listener saw nothing and no file was written', () => {
    expect(listener.connections).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('hostile scripts through `stepgraph run`: one JSON response on stdout, the exit code of its phase', () => {
  for (const c of CLI_CASES) {
    it(`[${c.id}] ${c.vector}`, async () => {
      const since = listener.connections.length;
      const marker = join(dir, `${c.id}.run`);
      const r = await cli(['run', ...ALLOW_NET], JSON.stringify(body(c, marker)), {}, bin);
      const lines = r.stdout.trimEnd().split('\n');
      const problems: string[] = [];
      let json: Parameters<typeof fromExecutor>[0] & { error?: { phase?: string } } = {};
      try {
        json = JSON.parse(r.stdout) as typeof json;
      } catch {
        problems.push(`stdout is not one JSON response: ${JSON.stringify(r.stdout.slice(0, 200))}`);
      }
      if (lines.length !== 1) problems.push(`stdout has ${lines.length} lines`);
      const phase = json.ok ? 'ok' : (json.error?.phase ?? '?');
      if (r.code !== EXIT[phase]) problems.push(`exit code ${r.code} for phase ${phase}`);
      problems.push(...judge(c.contained, fromExecutor(json)), ...groundTruth(since, marker));
      expect(problems).toEqual([]);
    }, 30_000);
  }
});
