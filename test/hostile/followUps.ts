// The benign runs after every case, in the same tab or server: the BFS sample must give the right
// answer and print the right lines, and a fingerprint of the shared world (intrinsics, inherited
// properties, the given globals, seeded random, how an error is reported) must equal the one taken
// before any case ran.
import { bfs } from '../../src/samples/algorithms/bfs';
import { judge, type Outcome } from './judge';
import type { Script } from './types';

/** The BFS sample on the ten-node graph. */
export const BENIGN: Script = { files: { 'main.ts': bfs.code }, main: 'main.ts' };

const ORDER = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const DISTANCE: Record<string, number> = { A: 0, B: 1, C: 1, D: 2, E: 2, F: 2, G: 3, H: 3, I: 4, J: 5 };
const BFS_OUTPUT = ORDER.map((n) => `visit ${n} at distance ${DISTANCE[n]}\n`).join('');

/** Why a BFS outcome is wrong; empty when right. */
export function checkBenign(o: Outcome): string[] {
  const problems = judge({ result: { $: 'array', items: ORDER, size: ORDER.length } }, o).map((p) => `BFS: ${p}`);
  if (o.output !== BFS_OUTPUT) problems.push(`BFS printed ${JSON.stringify(o.output)}`);
  return problems;
}

const PRISTINE_CODE = String.raw`const native = (f) => {
  try { return /\[native code\]/.test(Function.prototype.toString.call(f)) ? 1 : 0; } catch { return 'x'; }
};
const source = (f) => (typeof f === 'function' ? Function.prototype.toString.call(f).length : typeof f);
const probes = {
  keys: () => Object.keys({ b: 1, a: 2 }).join(),
  json: () => JSON.stringify({ a: [1, 'x', null], b: { c: true } }),
  parse: () => JSON.parse('{"a":[1]}').a[0],
  array: () => [3, 1, 2].map((x) => x * 2).filter((x) => x > 2).sort().join('-'),
  species: () => [1, 2].map((x) => x).constructor === Array,
  spread: () => [...new Set([1, 2, 2])].length,
  map: () => new Map([['k', 'v']]).get('k'),
  string: () => 'a-b'.split('-').join('+') + 'x'.toUpperCase() + 'abc'.slice(1),
  math: () => [Math.max(1, 5), Math.min(1, 5), Math.floor(2.5), Math.random()].join(),
  inherited: () => [typeof Object.prototype.then, typeof Object.prototype.toJSON, typeof Object.prototype.grants,
    typeof Object.prototype.ok, String({})].join(),
  stash: () => [globalThis, {}, [], () => {}, Math, JSON, console, trace, graph, Symbol, Reflect]
    .map((o) => typeof o.stash).join(),
  errors: () => [typeof Error.prepareStackTrace, Error.stackTraceLimit, String(new TypeError('t'))].join(),
  natives: () => [Object.keys, Object.entries, Object.defineProperty, JSON.stringify, JSON.parse, Array.prototype.push,
    Array.prototype.map, Array.prototype[Symbol.iterator], Map.prototype.set, Set.prototype.add,
    Promise.prototype.then, Function.prototype.call, Function.prototype.apply, String.prototype.split, Math.min,
    Math.max, WeakMap.prototype.get, Reflect.ownKeys, Atomics.load].map(native).join(''),
  given: () => [console.log, console.warn, trace.note, trace.highlight, trace.label, sleep, spawn, fetch, graph.neighbors]
    .map(source).join(),
  graph: () => [graph.order, graph.size, graph.neighbors('A').join('')].join(),
};
for (const [k, f] of Object.entries(probes)) {
  let v;
  try { v = f(); } catch (e) { v = 'threw ' + (e && e.name); }
  console.log(k + '=' + v);
}
console.log('promise=' + (await Promise.resolve('p').then((x) => x, () => 'rejected')));
console.warn('pristine');
trace.note('pristine');
throw new RangeError('pristine');`;

/** A fingerprint of what every run shares; it prints it, then fails on its last line. */
export const PRISTINE: Script = { files: { 'main.js': PRISTINE_CODE } };

/** The line PRISTINE fails at. */
export const PRISTINE_LINE = PRISTINE_CODE.split('\n').length;

/** Why a PRISTINE outcome differs from the baseline taken before any case; empty when equal. */
export function checkPristine(o: Outcome, baseline: Outcome): string[] {
  const problems = judge({ codes: ['RUNNER_EXCEPTION'], line: PRISTINE_LINE }, o).map((p) => `fingerprint: ${p}`);
  if (o.output !== baseline.output) {
    const was = new Set(baseline.output.split('\n'));
    const changed = o.output.split('\n').filter((l) => !was.has(l));
    problems.push(`fingerprint changed: ${JSON.stringify(changed.length ? changed : o.output)}`);
  }
  return problems;
}
