// Where the suite is: a test262 checkout, or a git mirror of it (extracted once into a temporary folder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The default: the mirror the project's machines keep (override with TEST262_DIR or an argument). */
export const DEFAULT_SUITE = '/work/.mirror/tc39+test262/repo';

/** A folder with `test/` and `harness/`, and the commit it is when known. */
export function suiteRoot(given: string): { root: string; commit?: string } {
  if (existsSync(join(given, 'harness')) && existsSync(join(given, 'test'))) return { root: given };
  if (!existsSync(join(given, 'HEAD')))
    throw new Error(`conformance: ${given} is neither a test262 checkout (test/, harness/) nor a git repository`);
  const commit = execFileSync('git', ['-C', given, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const root = join(tmpdir(), `stepgraph-test262-${commit.slice(0, 12)}`);
  if (!existsSync(join(root, 'harness'))) {
    const part = `${root}.part`;
    mkdirSync(part, { recursive: true });
    execFileSync('sh', ['-c', `git -C "${given}" archive HEAD test/language harness LICENSE | tar -x -C "${part}"`]);
    renameSync(part, root);
  }
  return { root, commit };
}

/** Every test file under `dir` (relative to `root`), sorted; `_FIXTURE` files are modules tests import, not tests. */
export function listTests(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') && !e.name.includes('_FIXTURE')) out.push(relative(root, p));
    }
  };
  walk(join(root, dir));
  return out.sort();
}
