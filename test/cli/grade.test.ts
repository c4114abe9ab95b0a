// `stepgraph grade` on a fixture exercise with 20 submissions: each gets its verdict, none harms
// the others, the runs go in parallel, and the JUnit XML is well formed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cli, ROOT } from './harness';

beforeAll(assertBuilt);

const FIXTURE = join(ROOT, 'test/fixtures/grade');
const sub = (name: string): string => join(FIXTURE, 'submissions', name);

/** Expected verdict of each submission on both cases, or on each (`a|b`: either; codes when they fail). */
const EXPECTED: Record<string, { verdict: string | [string, string]; codes?: string[] }> = {
  'correct-async.ts': { verdict: 'pass' },
  'correct-class.ts': { verdict: 'pass' },
  'correct-levels.ts': { verdict: 'pass' },
  'correct-library.ts': { verdict: 'pass' },
  'correct-queue.ts': { verdict: 'pass' },
  'correct-shift.js': { verdict: 'pass' },
  'crashing.ts': { verdict: 'error', codes: ['RUNNER_EXCEPTION'] },
  'endless-recursion.ts': { verdict: 'memory', codes: ['MEMORY_STACK'] },
  'endless.ts': { verdict: 'limit', codes: ['LIMIT_TIME', 'LIMIT_STEPS'] },
  'forbidden-fetch.ts': { verdict: 'error', codes: ['PERMISSION_DENIED'] },
  'forbidden-import.ts': { verdict: 'refused', codes: ['PREP_FORBIDDEN_IMPORT'] },
  // the heap runs out, or the time first while the collector struggles near the heap limit
  'memory-bomb.ts': { verdict: 'memory|limit', codes: ['MEMORY_HEAP', 'LIMIT_TIME'] },
  'regex-runaway.ts': { verdict: 'limit', codes: ['LIMIT_TIME'] },
  'sleeps-forever.ts': { verdict: 'limit', codes: ['LIMIT_TIME'] },
  'syntax-error.ts': { verdict: 'refused', codes: ['PREP_SYNTAX'] },
  'uses-eval.js': { verdict: 'refused', codes: ['PREP_FORBIDDEN_SYNTAX'] },
  // on a path, depth-first order is breadth-first order; on the tree it is not
  'wrong-dfs.ts': { verdict: ['pass', 'wrong'] },
  'wrong-no-start.ts': { verdict: 'wrong' },
  // the tree's nodes happen to be listed in breadth-first order
  'wrong-nodes.ts': { verdict: ['wrong', 'pass'] },
  'wrong-undefined.ts': { verdict: 'wrong' },
};

interface Report {
  wallMs: number;
  totals: { submissions: number; passed: number; cases: number; failures: number; errors: number };
  submissions: Array<{
    submission: string;
    passed: boolean;
    score: string;
    cases: Array<{ case: string; verdict: string; code?: string; ms: number }>;
  }>;
}

describe('stepgraph grade', () => {
  it('20 submissions: verdicts as expected, in parallel, with JUnit XML', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepgraph-grade-'));
    const junit = join(out, 'report.xml');
    const r = await cli([
      'grade',
      join(FIXTURE, 'exercise.json'),
      join(FIXTURE, 'submissions'),
      '--workers',
      '4',
      '--junit',
      junit,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.totals).toEqual({ submissions: 20, passed: 6, cases: 40, failures: 6, errors: 20 });
    const seen = Object.fromEntries(
      report.submissions.map((s) => [s.submission.split('/').at(-1), s.cases.map((c) => [c.verdict, c.code])]),
    );
    expect(Object.keys(seen).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [file, want] of Object.entries(EXPECTED)) {
      for (const [i, [verdict, code]] of (seen[file] ?? []).entries()) {
        const expected = typeof want.verdict === 'string' ? want.verdict : want.verdict[i];
        expect({ file, verdict }).toEqual({ file, verdict: expect.toBeOneOf(expected?.split('|') ?? []) });
        if (want.codes) expect({ file, code }).toEqual({ file, code: expect.toBeOneOf(want.codes) });
      }
    }
    // run in parallel: the runs that each take their 2 s limit (or more) did not add up
    const slow = report.submissions.flatMap((s) => s.cases).filter((c) => c.ms >= 2000);
    expect(slow.length).toBeGreaterThanOrEqual(6);
    const sum = slow.reduce((n, c) => n + c.ms, 0);
    expect(report.wallMs).toBeLessThan(sum * 0.75);
    // well-formed JUnit: a suite per submission, a case per exercise case, failures and errors counted
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
      readFileSync(junit, 'utf8'),
      'text/xml',
    );
    expect(errors).toEqual([]);
    const root = doc.documentElement;
    expect(root?.tagName).toBe('testsuites');
    expect(root?.getAttribute('tests')).toBe('40');
    expect(root?.getAttribute('failures')).toBe('6');
    expect(root?.getAttribute('errors')).toBe('20');
    const suites = Array.from(doc.getElementsByTagName('testsuite'));
    expect(suites).toHaveLength(20);
    expect(doc.getElementsByTagName('testcase')).toHaveLength(40);
    expect(doc.getElementsByTagName('failure')).toHaveLength(6);
    expect(doc.getElementsByTagName('error')).toHaveLength(20);
  }, 120_000);

  it('a checker module decides, with the submission’s result and output as its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepgraph-grade-'));
    const exercise = JSON.parse(readFileSync(join(FIXTURE, 'exercise.json'), 'utf8')) as {
      cases: Array<Record<string, unknown>>;
    };
    for (const c of exercise.cases) delete c.expect;
    writeFileSync(join(dir, 'exercise.json'), JSON.stringify({ ...exercise, checker: 'check.ts' }));
    writeFileSync(
      join(dir, 'check.ts'),
      'export default ({ result, input }: { result: string[]; input: string }) =>\n  Array.isArray(result) && result[0] === input && new Set(result).size === graph.order ? true : `visits ${JSON.stringify(result)}`;\n',
    );
    const r = await cli([
      'grade',
      join(dir, 'exercise.json'),
      sub('correct-queue.ts'),
      sub('wrong-no-start.ts'),
      sub('wrong-dfs.ts'),
    ]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.submissions.map((s) => s.score)).toEqual(['2/2', '0/2', '2/2']);
    expect(JSON.stringify(report.submissions[1])).toContain('visits [');
  }, 60_000);

  it.each([
    [['grade'], 'grade needs an exercise file'],
    [['grade', 'nope.json', 'x.ts'], 'nope.json: cannot be read'],
    [['grade', join(ROOT, 'package.json'), sub('endless.ts')], 'unknown field'],
    [['grade', join(FIXTURE, 'exercise.json'), join(FIXTURE, 'missing')], 'no submission at'],
    [['run', '--junit', 'x.xml'], '--junit'],
  ])('refuses %j with a usage error (2) naming what is wrong', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
