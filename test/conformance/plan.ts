// How one test262 test becomes one Stepgraph script, or why it is left out (counted by reason).
import type { TestMeta } from './frontmatter';

/** Why a test is not run: it needs what a Stepgraph script may not have. */
export type Exclusion =
  | 'sloppy mode only (scripts are module code, always strict)'
  | 'module loading (imports other files)'
  | '$262 host hooks'
  | 'host agents (CanBlock, Atomics.wait)';

/** A test ready to run: the script's text and what must happen. */
export interface PlannedTest {
  /** The whole script: prelude, harness includes, the test, the async epilogue. */
  script: string;
  /** Expected: completes (`ok`), or throws / fails to parse with an error of class `type`. */
  expect: { kind: 'ok' } | { kind: 'parse' | 'runtime'; type: string };
  /** Waits for `$DONE` (the default export is the message `$DONE` printed). */
  async: boolean;
}

/**
 * What `print` (doneprintHandle.js) reports to: the default export resolves with the first message
 * printed. Plain names, as test code may not use `__` names the tracer reserves.
 */
const PRELUDE =
  'let $262$settle;\nconst $262$printed = new Promise((resolve) => { $262$settle = resolve; });\nfunction print(message) { $262$settle(String(message)); }\n';
/** The async epilogue: the run's result is what `$DONE` printed. */
const EPILOGUE = '\nexport default $262$printed;\n';
/** What `print` says when `$DONE()` is called without an error. */
export const ASYNC_DONE = 'Test262:AsyncTestComplete';

/** Imports and re-exports of another file: the suite's `_FIXTURE` modules, or the test itself. */
const MODULE_LOAD = /(^|[\n;])\s*(import\s*(\*|\{|[\w$]+\s*(,|from))|import\s*['"]|export\s*(\*|\{[^}]*\}\s*from))/;

/** The test's plan, or the reason it is not run. */
export function planTest(
  source: string,
  meta: TestMeta,
  harness: (file: string) => string,
): PlannedTest | { excluded: Exclusion } {
  const flags = new Set(meta.flags);
  if (flags.has('noStrict')) return { excluded: 'sloppy mode only (scripts are module code, always strict)' };
  if (meta.negative?.phase === 'resolution' || (flags.has('module') && MODULE_LOAD.test(source)))
    return { excluded: 'module loading (imports other files)' };
  if (source.includes('$262') || meta.includes.some((f) => harness(f).includes('$262')))
    return { excluded: '$262 host hooks' };
  if (flags.has('CanBlockIsTrue') || flags.has('CanBlockIsFalse'))
    return { excluded: 'host agents (CanBlock, Atomics.wait)' };
  const isAsync = flags.has('async');
  const includes = flags.has('raw')
    ? []
    : ['assert.js', 'sta.js', ...(isAsync ? ['doneprintHandle.js'] : []), ...meta.includes];
  const parts = flags.has('raw') ? [] : [PRELUDE];
  for (const file of includes) parts.push(harness(file));
  parts.push(source);
  if (isAsync) parts.push(EPILOGUE);
  const n = meta.negative;
  return {
    script: parts.join('\n'),
    expect: n ? { kind: n.phase === 'parse' ? 'parse' : 'runtime', type: n.type } : { kind: 'ok' },
    async: isAsync,
  };
}
