// Starts the real `stepgraph` command (bin/stepgraph.js, built into dist-cli/) and talks to it the
// way a user would: stdin and exit codes for `run`, HTTP for `serve`. Everything waits on events
// (process exit, output lines, responses), never on a fixed delay.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/stepgraph.js');

/** Folders whose code goes into dist-cli/. */
const BUILT_FROM = ['cli', 'client', 'worker', 'executor', 'tracer', 'runtime', 'kernel', 'protocol', 'shared'];

/** Newest modification time under a path, tests left out. */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return path.endsWith('.test.ts') ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** Fails clearly when dist-cli/ is missing or older than the sources it is built from. */
export function assertBuilt(): void {
  const sources = [
    ...BUILT_FROM.map((l) => `src/${l}`),
    'vite.cli.config.ts',
    'vite.worker.config.ts',
    'package.json',
  ].map((p) => newest(join(ROOT, p)));
  let built = 0;
  try {
    built = Math.min(
      statSync(join(ROOT, 'dist-cli/stepgraph.js')).mtimeMs,
      statSync(join(ROOT, 'dist-cli/node.worker.js')).mtimeMs,
      statSync(join(ROOT, 'dist-cli/node.worker.cjs')).mtimeMs,
    );
  } catch {
    // not built
  }
  if (built < Math.max(...sources))
    throw new Error('dist-cli/ is missing or older than src/: run `npm run build:cli` (npm run test:unit does)');
}

/** What `stepgraph run` did. */
export interface RunResult {
  /** The exit code. */
  code: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Runs `stepgraph <args>` (or another copy of the bin) with `input` on stdin; resolves when it exits. */
export function cli(args: string[], input = '', env: Record<string, string> = {}, bin = BIN): Promise<RunResult> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** `stepgraph run` on a request object; the response parsed. */
export async function run(request: unknown, args: string[] = [], env: Record<string, string> = {}, bin = BIN) {
  const r = await cli(['run', ...args], typeof request === 'string' ? request : JSON.stringify(request), env, bin);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response is checked field by field
  return { ...r, json: JSON.parse(r.stdout) as any };
}

/** A running `stepgraph serve`. */
export interface Server {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The process. */
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves when stderr has printed a line matching `pattern`. */
  stderrLine(pattern: RegExp): Promise<string>;
}

/** Starts `stepgraph serve --port 0 <args>` and resolves once it says where it listens. */
export function serve(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  const stderrLine = (pattern: RegExp): Promise<string> =>
    new Promise((resolve) => {
      const check = (): void => {
        const line = stderr.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) resolve(line);
        else waiters.push(check);
      };
      check();
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, child, exited, stderrLine });
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** An HTTP answer. */
export interface Answer {
  /** The status code. */
  status: number;
  /** Response headers. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as text. */
  text: string;
  /** The body parsed, or undefined when it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field
  json: any;
}

/** One HTTP request on a fresh connection. */
export function http(
  url: string,
  options: { method?: string; path?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(options.path ?? '/', url),
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /run with a request object (or raw text). */
export const postRun = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
  http(url, { method: 'POST', path: '/run', body: typeof body === 'string' ? body : JSON.stringify(body), headers });

/** Asks again until `check` holds (each ask waits for the previous answer): for state only the server can tell. */
export async function until<T>(ask: () => Promise<T>, check: (t: T) => boolean): Promise<T> {
  for (;;) {
    const t = await ask();
    if (check(t)) return t;
  }
}
