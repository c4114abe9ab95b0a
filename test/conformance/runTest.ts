// Runs one test262 test natively and traced through the same engine, and says how each went.
import type { Engine } from '../../src/executor/engine';
import type { RunRequest } from '../../src/protocol/run';
import { FrontmatterError, readFrontmatter } from './frontmatter';
import { describeOutcome, forbiddenReason, outcomeOf, passes } from './outcome';
import { planTest, type PlannedTest } from './plan';

/** The two engines a test runs on: the page's (instrumented) and the same one without instrumentation. */
export interface Engines {
  /** `new Engine(host)`: what the page and `stepgraph run` use. */
  traced: Engine;
  /** `new Engine(host, undefined, false)`: the same kernel, controller and compartments, code uninstrumented. */
  native: Engine;
}

/** One test's result. */
export interface TestResult {
  /** The test's path under the suite's root. */
  file: string;
  /** Set when the test was not run, with the reason. */
  excluded?: string;
  /** Whether it passed natively, and how it ended. */
  native?: { pass: boolean; outcome: string };
  /** Whether it passed traced (run only when not excluded), and how it ended. */
  traced?: { pass: boolean; outcome: string };
}

/** A generous budget: a test that needs more than this is the suite's slow test, not a traced failure. */
const SETTINGS = { seed: 'test262', timeLimitMs: 20_000, stepLimit: 50_000_000 };

const requestOf = (test: PlannedTest): RunRequest => ({
  files: { 'test.js': test.script },
  main: 'test.js',
  graph: { nodes: [], edges: [] },
  settings: SETTINGS,
});

/** Runs `source` (the test file `file`) on both engines; `harness` reads a file of the suite's `harness/`. */
export async function runTest(
  engines: Engines,
  file: string,
  source: string,
  harness: (name: string) => string,
): Promise<TestResult> {
  let planned: ReturnType<typeof planTest>;
  try {
    planned = planTest(source, readFrontmatter(source), harness);
  } catch (e) {
    if (e instanceof FrontmatterError) return { file, excluded: 'unreadable frontmatter' };
    throw e;
  }
  if ('excluded' in planned) return { file, excluded: planned.excluded };
  const native = outcomeOf(await engines.native.run(requestOf(planned)), planned);
  if (native.kind === 'forbidden') return { file, excluded: forbiddenReason(native) };
  const traced = outcomeOf(await engines.traced.run(requestOf(planned)), planned);
  return {
    file,
    native: { pass: passes(native, planned.expect), outcome: describeOutcome(native) },
    traced: { pass: passes(traced, planned.expect), outcome: describeOutcome(traced) },
  };
}
