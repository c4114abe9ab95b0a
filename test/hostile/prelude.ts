// What hostile scripts share: a prelude of helpers (plain script text, run traced like the rest of
// the case) that says what a script reached without naming any host global itself, and shorthands
// for the cases' files and pass conditions.
import type { Contained } from './types';

/**
 * Helpers every probing case starts with. `hostIn(x)` lists the host capabilities `x` holds (names
 * of host globals, or `probe` for the tracer's `__sg` object); `viaCtor(x)` asks the constructor
 * of `x`'s kind of function for `this` from code built from text; `report(...)` says what was
 * reached, or `nothing`.
 */
export const PRELUDE = String.raw`
const HOST_NAMES = ['process', 'require', 'module', 'global', 'Buffer', 'getBuiltinModule', 'self', 'window',
  'document', 'parent', 'top', 'opener', 'frames', 'postMessage', 'close', 'addEventListener', 'dispatchEvent',
  'onmessage', 'importScripts', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker',
  'BroadcastChannel', 'indexedDB', 'caches', 'localStorage', 'sessionStorage', 'navigator', 'location',
  'FontFace', 'fonts', 'Image', 'WebTransport', '__sg', 'Deno', 'Bun'];
const PROBE_METHODS = ['s', 'v', 'enter', 'rethrow'];
const RECORDER_METHODS = ['step', 'write', 'print', 'graphOp'];
function hostIn(x) {
  const found = [];
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return found;
  for (const name of HOST_NAMES) {
    try {
      if (x[name] !== undefined) found.push(name);
    } catch {
      found.push(name + '?');
    }
  }
  try {
    if (PROBE_METHODS.every((m) => typeof x[m] === 'function')) found.push('probe');
    if (RECORDER_METHODS.every((m) => typeof x[m] === 'function')) found.push('recorder');
  } catch {}
  return found;
}
async function unwrap(made) {
  let r = made();
  if (r && typeof r.next === 'function') r = r.next();
  r = await r;
  if (r && typeof r === 'object' && 'done' in r && 'value' in r) r = r.value;
  return r;
}
async function viaCtor(x) {
  try {
    const F = typeof x === 'function' ? x.constructor : x.constructor.constructor;
    return hostIn(await unwrap(() => F('return this')()));
  } catch {
    return [];
  }
}
async function settle(p, ms = 300) {
  return Promise.race([Promise.resolve(p).then((v) => v, () => 'error'), sleep(ms).then(() => 'timeout')]);
}
function report(...lists) {
  const found = [...new Set(lists.flat().filter((x) => typeof x === 'string' && x.length > 0))];
  return found.length > 0 ? found.join(',') : 'nothing';
}
`;

/** One file, `main.js`. */
export const js = (code: string): Record<string, string> => ({ 'main.js': code });

/** One file, `main.js`, that starts with the prelude. */
export const probe = (code: string): Record<string, string> => ({ 'main.js': `${PRELUDE}\n${code}` });

/** Refused before anything runs: syntax that reaches past the sandbox. */
export const REFUSED: Contained = { codes: ['PREP_FORBIDDEN_SYNTAX'] };

/** The script ran to its end and reached nothing. */
export const NOTHING: Contained = { result: 'nothing' };

/** Reached nothing, or refused before running (the script names something the instrumenter refuses). */
export const NOTHING_OR_REFUSED: Contained = { result: 'nothing', codes: ['PREP_FORBIDDEN_SYNTAX'] };

/** Reached nothing, or stopped by the evaluator's refusal (code built from text is refused at run time). */
export const NOTHING_OR_FORBIDDEN: Contained = {
  result: 'nothing',
  codes: ['PREP_FORBIDDEN_SYNTAX', 'RUNNER_FORBIDDEN_FEATURE'],
};

/** The run ended with its trace, with the script's own result or the script's own exception. */
export const DONE_OR_THREW: Contained = { result: 'done', codes: ['RUNNER_EXCEPTION'] };
