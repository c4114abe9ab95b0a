// `run` and `serve` both answer a benign script right after a hostile one: the hostile run is
// contained (nothing written, no command run) and the worker it may have damaged or ended is not
// the one the next request meets. Ground truth is the file system: the files the scripts try to
// make must not exist afterwards.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, postRun, run, serve, type Server } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'stepgraph-hostile-'));
const marks = { shell: join(dir, 'shell'), write: join(dir, 'write') };

/** Tries to reach Node's modules from the script to run a shell command and write a file. */
const ESCAPE = `
const outcomes: string[] = [];
const attempt = async (f: () => Promise<unknown>) => {
  try {
    await f();
    outcomes.push('ran');
  } catch (e: any) {
    outcomes.push(String(e?.code ?? e?.name));
  }
};
await attempt(async () => (await import('node:child_process')).execSync('touch ${marks.shell}'));
await attempt(async () => (await import('node:fs')).writeFileSync('${marks.write}', 'x'));
export default outcomes;`;
const HEAP_BOMB = 'const a: number[][] = [];\nwhile (true) a.push(new Array(1_000_000).fill(1));';
const RUNAWAY = "/(a+)+$/.test('a'.repeat(40) + 'b');";
const BENIGN = { code: 'export default [3, 1, 2].sort();', options: { trace: 'none' } };
const SORTED = { $: 'array', items: [1, 2, 3], size: 3 };

/** The hostile script was contained: whatever it got back, nothing ran and nothing was written. */
function contained(response: { ok: boolean; result?: { items?: string[] } }): void {
  expect(response.result?.items ?? []).not.toContain('ran');
  expect(existsSync(marks.shell)).toBe(false);
  expect(existsSync(marks.write)).toBe(false);
}

let server: Server;
beforeAll(async () => {
  assertBuilt();
  server = await serve(['--workers', '1', '--memory-limit-mb', '64', '--time-limit-ms', '3000']);
});
afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a benign script right after a hostile one', () => {
  it('stepgraph run: an escape attempt, then a heap bomb, each followed by a benign run', async () => {
    contained((await run({ code: ESCAPE })).json);
    expect((await run(BENIGN)).json).toMatchObject({ ok: true, result: SORTED });
    const bomb = await run({ code: HEAP_BOMB }, ['--memory-limit-mb', '64']);
    expect(bomb.json.error).toMatchObject({ code: 'MEMORY_HEAP' });
    expect((await run(BENIGN, ['--memory-limit-mb', '64'])).json).toMatchObject({ ok: true, result: SORTED });
  });

  it('stepgraph serve (one worker): escape, heap bomb, runaway, each followed by a benign run', async () => {
    contained((await postRun(server.url, { code: ESCAPE })).json);
    expect((await postRun(server.url, BENIGN)).json).toMatchObject({ ok: true, result: SORTED });
    expect((await postRun(server.url, { code: HEAP_BOMB })).json.error).toMatchObject({ code: 'MEMORY_HEAP' });
    expect((await postRun(server.url, BENIGN)).json).toMatchObject({ ok: true, result: SORTED });
    expect((await postRun(server.url, { code: RUNAWAY })).json.error).toMatchObject({ code: 'LIMIT_TIME' });
    expect((await postRun(server.url, BENIGN)).json).toMatchObject({ ok: true, result: SORTED });
  });
});
