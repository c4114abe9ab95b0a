// The benign run after every case, in the same tab or server: the BFS sample must give the right
// order and print the right lines, and a fingerprint of the shared world it prints after them
// (intrinsics, inherited properties, the given globals, seeded random, Error's stack settings) must
// equal the one taken before any case ran. One run, so that the page's suite stays fast.
import { bfs } from '../../src/samples/algorithms/bfs';
import { judge, type Outcome } from './judge';
import type { Script } from './types';

/** Prints what every run shares, one `name=value` line each. */
const FINGERPRINT = String.raw`const native = (f) => {
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
console.warn('fingerprint');
trace.note('fingerprint');`;

/** BFS on the ten-node graph, then the fingerprint; its result is BFS's order. */
export const FOLLOW_UP: Script = { files: { 'main.ts': `${bfs.code}\n${FINGERPRINT}\n` }, main: 'main.ts' };

const ORDER = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const DISTANCE: Record<string, number> = { A: 0, B: 1, C: 1, D: 2, E: 2, F: 2, G: 3, H: 3, I: 4, J: 5 };
const BFS_OUTPUT = ORDER.map((n) => `visit ${n} at distance ${DISTANCE[n]}\n`).join('');

/** Checks the follow-up before any case ran: BFS right; the fingerprint is then the baseline. */
export function checkBaseline(o: Outcome): string[] {
  const problems = judge({ result: { $: 'array', items: ORDER, size: ORDER.length } }, o).map((p) => `BFS: ${p}`);
  if (!o.output.startsWith(BFS_OUTPUT)) problems.push(`BFS printed ${JSON.stringify(o.output.slice(0, 300))}`);
  return problems;
}

/** Why a follow-up after a case differs from a right BFS run and from the baseline's fingerprint; empty when it does not. */
export function checkFollowUp(o: Outcome, baseline: Outcome): string[] {
  const problems = checkBaseline(o);
  if (o.output !== baseline.output) {
    const was = new Set(baseline.output.split('\n'));
    const changed = o.output.split('\n').filter((l) => !was.has(l));
    problems.push(`fingerprint changed: ${JSON.stringify(changed.length ? changed : o.output)}`);
  }
  return problems;
}
