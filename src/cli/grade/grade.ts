import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { HeadlessOutcome } from '../../protocol/process';
import type { TraceValue } from '../../protocol/trace';
import { makePool, type Install } from '../runPool';
import { parseRequest } from '../request';
import { UsageError, type Settings } from '../settings';
import type { Pool } from '../pool';
import { NotPlain, plain, sameJson } from './compare';
import { readExercise, type Exercise, type ExerciseCase } from './exercise';
import { junitXml } from './junit';
import { failedVerdict, type CaseReport, type GradeReport, type SubmissionReport } from './verdicts';

/** What `grade` was asked: the exercise, the submissions (files or folders), where the JUnit XML goes. */
export interface GradeArgs {
  /** The exercise file. */
  exercise: string;
  /** Submission files, or folders whose `.js`/`.ts` files are submissions. */
  submissions: string[];
  /** Where to write JUnit XML, if anywhere. */
  junit?: string;
}

/** A response body, as much of it as grading reads. */
interface Answer {
  ok: boolean;
  result?: TraceValue;
  error?: { phase: Parameters<typeof failedVerdict>[0]; code: string; message: string };
  stdout?: string;
  stats?: { steps?: number; wallMs?: number };
}

const SOURCE = new Set(['.js', '.ts', '.mjs', '.mts']);

/** The submission files: each file as given, each folder's script files sorted by name. */
function submissionFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new UsageError(`cli/grade: no submission at ${p}`);
    }
    if (!isDir) out.push(p);
    else
      out.push(
        ...readdirSync(p)
          .filter((f) => SOURCE.has(extname(f)))
          .sort()
          .map((f) => join(p, f)),
      );
  }
  if (out.length === 0) throw new UsageError('cli/grade: no submissions to grade');
  return out;
}

/** Runs one request through the pool; a request the parser refuses is answered as `run` would. */
async function runThrough(pool: Pool, body: object, settings: Settings, version: string): Promise<Answer> {
  const caps = { timeLimitMs: settings.timeLimitMs, stepLimit: settings.stepLimit };
  const parsed = parseRequest(JSON.stringify(body), caps, []);
  if (!parsed.ok)
    return { ok: false, error: { phase: 'init', code: parsed.error.code, message: parsed.error.message } };
  const ticket = pool.submit(parsed.value, { version, trace: 'none', indent: 0 });
  if (!ticket) throw new Error('cli/grade: the pool refused a run (its queue is sized for every run)');
  const outcome: HeadlessOutcome = await ticket.outcome;
  return JSON.parse(outcome.body) as Answer;
}

/** Grades one submission on one case: its run, then the expected result or the checker. */
async function gradeCase(
  pool: Pool,
  exercise: Exercise,
  file: string,
  c: ExerciseCase,
  settings: Settings,
  version: string,
): Promise<CaseReport> {
  const started = performance.now();
  const main = `main${extname(file) === '.js' || extname(file) === '.mjs' ? '.js' : '.ts'}`;
  const options = { ...exercise.options, trace: 'none', ...('input' in c ? { input: c.input } : {}) };
  const a = await runThrough(
    pool,
    { files: { [main]: readFileSync(file, 'utf8') }, main, graph: c.graph, options },
    settings,
    version,
  );
  // the run's own time (a queue wait is not the submission's), or the time to its answer when unknown
  const done = (r: Omit<CaseReport, 'case' | 'ms'>): CaseReport => ({
    case: c.name,
    ...r,
    ms: Math.round(a.stats?.wallMs ?? performance.now() - started),
  });
  if (!a.ok) {
    const e = a.error;
    return done({ verdict: e ? failedVerdict(e.phase) : 'error', ...(e ? { code: e.code, message: e.message } : {}) });
  }
  const result = a.result ?? { $: 'undefined' };
  if (exercise.checker) return done(await check(pool, exercise, c, result, a, settings, version));
  try {
    const got = plain(result);
    return done(
      sameJson(got, c.expect)
        ? { verdict: 'pass' }
        : {
            verdict: 'wrong',
            message: `returned ${JSON.stringify(got).slice(0, 300)}, expected ${JSON.stringify(c.expect).slice(0, 300)}`,
          },
    );
  } catch (e) {
    if (!(e instanceof NotPlain)) throw e;
    return done({ verdict: 'wrong', message: `its result cannot be compared: ${e.message}` });
  }
}

/** Asks the exercise's checker, run as a module of its own: `true` passes, a string says what is wrong. */
async function check(
  pool: Pool,
  exercise: Exercise,
  c: ExerciseCase,
  result: TraceValue,
  a: Answer,
  settings: Settings,
  version: string,
): Promise<Omit<CaseReport, 'case' | 'ms'>> {
  const checker = exercise.checker as NonNullable<Exercise['checker']>;
  let value: unknown;
  try {
    value = plain(result);
  } catch {
    value = undefined;
  }
  const input = {
    input: c.input ?? null,
    expect: c.expect ?? null,
    result: value ?? null,
    shown: result,
    stdout: a.stdout ?? '',
    steps: a.stats?.steps ?? 0,
  };
  const name = basename(checker.file);
  const verdict = await runThrough(
    pool,
    { files: { [name]: checker.code }, main: name, graph: c.graph, options: { input, trace: 'none' } },
    settings,
    version,
  );
  if (!verdict.ok)
    return {
      verdict: 'error',
      code: verdict.error?.code ?? 'INTERNAL',
      message: `the checker failed: ${verdict.error?.message ?? 'no answer'}`,
    };
  if (verdict.result === true) return { verdict: 'pass' };
  return {
    verdict: 'wrong',
    message: typeof verdict.result === 'string' ? verdict.result : 'the checker did not accept the result',
  };
}

/** `stepgraph grade`: every submission on every case, in parallel through one pool; JSON on stdout, JUnit XML on request. */
export async function gradeCommand(
  settings: Settings,
  { version, distDir }: Install,
  args: GradeArgs,
): Promise<number> {
  const exercise = readExercise(args.exercise);
  if (!exercise.ok) throw new UsageError(exercise.error);
  const files = submissionFiles(args.submissions);
  const jobs = files.length * exercise.value.cases.length;
  const pool = makePool(settings, distDir, settings.workers, jobs * 2, 0);
  let started: number;
  let finished = 0;
  const progress = (): void => {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round((finished / jobs) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${finished}/${jobs} runs`);
  };
  try {
    await pool.start();
    // the grading's time, without starting the workers
    started = performance.now();
    progress();
    const submissions: SubmissionReport[] = await Promise.all(
      files.map(async (file) => {
        const cases = await Promise.all(
          exercise.value.cases.map(async (c) => {
            const r = await gradeCase(pool, exercise.value, file, c, settings, version);
            finished++;
            progress();
            return r;
          }),
        );
        const passed = cases.filter((c) => c.verdict === 'pass').length;
        return { submission: file, passed: passed === cases.length, score: `${passed}/${cases.length}`, cases };
      }),
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    const all = submissions.flatMap((s) => s.cases);
    const report: GradeReport = {
      exercise: exercise.value.name,
      wallMs: Math.round(performance.now() - started),
      totals: {
        submissions: submissions.length,
        passed: submissions.filter((s) => s.passed).length,
        cases: all.length,
        failures: all.filter((c) => c.verdict === 'wrong').length,
        errors: all.filter((c) => c.verdict !== 'wrong' && c.verdict !== 'pass').length,
      },
      submissions,
    };
    if (args.junit) writeFileSync(args.junit, junitXml(report));
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(`${JSON.stringify(report, null, settings.pretty ? 2 : 0)}\n`, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    return report.totals.passed === report.totals.submissions ? 0 : 1;
  } finally {
    pool.close();
  }
}
