// Values that run code while the engine records them: getters, Proxy traps, conversions. The
// engine must neither crash nor hang; the run ends with its trace and the next run is unharmed.
import { DONE_OR_THREW } from '../prelude';
import type { HostileCase } from '../types';

/** Script text: a Proxy whose every trap throws. */
const THROWING_PROXY = `const boom = () => { throw new Error('trap'); };
const traps = {};
for (const k of ['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'setPrototypeOf',
  'defineProperty', 'deleteProperty', 'apply', 'construct', 'isExtensible', 'preventExtensions']) traps[k] = boom;
const hostile = new Proxy({}, traps);`;

export const RECORDING_CASES: HostileCase[] = [
  {
    id: 'getter-throws',
    vector: 'variables hold objects whose getters (own, inherited, Symbol.toStringTag, constructor, length) throw',
    files: {
      'main.js': `const own = { get x() { throw new Error('getter'); } };
const inherited = Object.create(own);
const tagged = { get [Symbol.toStringTag]() { throw new Error('tag'); } };
const ctor = { get constructor() { throw new Error('constructor'); } };
const arrayLike = [1, 2];
Object.defineProperty(arrayLike, 'extra', { get() { throw new Error('extra'); }, enumerable: true });
const all = [own, inherited, tagged, ctor, arrayLike];
const m = new Map([[own, tagged]]);
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'getter-loops',
    vector: 'a getter that never returns, read by whoever records the object',
    files: {
      'main.js': `const loop = { get x() { let i = 0; while (true) i++; } };
const holder = [loop];
export default 'done';`,
    },
    layer: 'recorder',
    also: ['kernel'],
    limits: { stepLimit: 50000 },
    contained: { result: 'done', codes: ['LIMIT_STEPS', 'RUNNER_EXCEPTION'] },
  },
  {
    id: 'getter-reenters',
    vector: 'getters that write variables, grow the array being recorded and print, while the recorder reads them',
    files: {
      'main.js': `let counter = 0;
const list = [];
const sneaky = {
  get a() { counter++; list.push(counter); console.log('inside', counter); trace.note('inside'); return counter; },
  get b() { list.length = 0; return list; },
};
list.push(sneaky, sneaky);
const again = { nested: sneaky, list };
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'proxy-traps-throw',
    vector: 'a Proxy whose every trap throws, held in a variable, an array, a Map, a Set and printed',
    files: {
      'main.js': `${THROWING_PROXY}
const inArray = [hostile];
const inMap = new Map([[hostile, hostile]]);
const inSet = new Set([hostile]);
try { console.log(hostile); } catch {}
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'proxy-pretends-collection',
    vector: 'Proxies that claim to be a Map, a Set or an Array (getPrototypeOf, a proxied array whose length throws)',
    files: {
      'main.js': `const fakeMap = new Proxy({}, { getPrototypeOf: () => Map.prototype });
const fakeSet = new Proxy({}, { getPrototypeOf: () => Set.prototype });
const fakeArray = new Proxy([1, 2, 3], { get(t, k) { if (k === 'length') throw new Error('length'); return t[k]; } });
const fakeGraph = new Proxy({}, { getPrototypeOf: () => Object.getPrototypeOf(graph) });
const all = [fakeMap, fakeSet, fakeArray, fakeGraph];
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'proxy-revoked',
    vector: 'revoked Proxies (every operation throws a TypeError) as values',
    files: {
      'main.js': `const { proxy, revoke } = Proxy.revocable({}, {});
const { proxy: fn, revoke: revokeFn } = Proxy.revocable(function () {}, {});
revoke();
revokeFn();
const held = [proxy, fn, { proxy }];
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'proxy-huge-keys',
    vector: 'a Proxy that reports 200,000 keys, each answered by a trap',
    files: {
      'main.js': `const keys = [...new Array(200000).keys()].map(String);
const huge = new Proxy({}, {
  ownKeys: () => keys,
  getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }),
  get: () => 1,
});
const holder = [huge];
export default 'done';`,
    },
    layer: 'recorder',
    also: ['kernel'],
    contained: { result: 'done', codes: ['LIMIT_STEPS', 'RUNNER_EXCEPTION'] },
  },
  {
    id: 'huge-binary-and-string',
    vector:
      'holds a 100 MB typed array and a 50 MB string in variables, which a recorder that enumerates or copies them would die of (issue 10)',
    files: {
      'main.js': `const big = new Uint8Array(100_000_000);
big[1] = 1;
const text = 'x'.repeat(50_000_000);
const both = [big, text];
export default 'done';`,
    },
    layer: 'recorder',
    cli: true,
    contained: { result: 'done' },
  },
  {
    id: 'console-flood',
    vector:
      'prints 30 MB in 3,000 long lines, then one 20 MB line, which an unbounded console would carry whole into the trace (issue 10)',
    files: {
      'main.js': `const line = 'x'.repeat(10_000);
for (let i = 0; i < 3000; i++) console.log(i + line);
console.log('z'.repeat(20_000_000));
export default 'done';`,
    },
    layer: 'recorder',
    cli: true,
    contained: { result: 'done' },
  },
  {
    id: 'graph-op-flood',
    vector:
      'adds nodes and sets attributes without end, one graphology call making 1,000 changes at a time, past its graph/operations budget (issue 10)',
    files: {
      'main.js': `export const manifest = { limits: { 'graph/operations': 20000 } };
let round = 0;
while (true) {
  const nodes = Array.from({ length: 1000 }, (_, i) => ({ key: round + '-' + i, attributes: { round } }));
  graph.import({ nodes });
  round++;
}`,
    },
    layer: 'recorder',
    also: ['kernel'],
    cli: true,
    contained: { codes: ['LIMIT_GRAPH_OPS'] },
  },
  {
    id: 'trace-memory-bomb',
    vector:
      'makes a new 90,000-item array every step and keeps it, so the recorder copies each one, past its trace/bytes budget (issue 10)',
    files: {
      'main.js': `export const manifest = { limits: { 'trace/bytes': 16000000 } };
const kept = [];
while (true) {
  const a = Array.from({ length: 90000 }, (_, i) => i * 2);
  kept.push(a);
}`,
    },
    layer: 'recorder',
    cli: true,
    contained: { codes: ['LIMIT_TRACE_MEMORY'] },
  },
  {
    id: 'json-parse-bomb',
    vector:
      'parses a 160 MB JSON text of 20 million objects in one native call that no step check can interrupt (issue 10)',
    files: {
      'main.js': `const text = '[' + '{"a":1},'.repeat(20_000_000) + '0]';
let count = 0;
const data = JSON.parse(text);
count = data.length;
export default count;`,
    },
    layer: 'process',
    also: ['page'],
    cli: true,
    limits: { timeLimitMs: 1000 },
    contained: { codes: ['LIMIT_TIME', 'MEMORY_HEAP'] },
  },
  {
    id: 'regex-catastrophic',
    vector:
      'a regular expression that backtracks for hours, one native call that no step check can interrupt (issue 10)',
    files: {
      'main.js': `let tested = 0;
const slow = /^(a+)+$/;
tested = slow.test('a'.repeat(40) + '!') ? 1 : 2;
export default tested;`,
    },
    layer: 'process',
    also: ['page'],
    cli: true,
    limits: { timeLimitMs: 1000 },
    contained: { codes: ['LIMIT_TIME'] },
  },
  {
    id: 'conversion-hooks',
    vector: 'toString/valueOf/Symbol.toPrimitive/toJSON that throw, and classes whose name getter throws',
    files: {
      'main.js': `const boom = () => { throw new Error('conversion'); };
const conv = { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom, toJSON: boom };
class Nameless { static get name() { throw new Error('name'); } }
const instance = new Nameless();
const sym = Symbol({ toString: boom });
const values = [conv, instance, Nameless];
try { console.log(conv, instance); } catch {}
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'console-hostile-args',
    vector: 'console.log/warn/table/dir of cycles, a 2^32-1 sparse array, deep nesting and throwing proxies',
    files: {
      'main.js': `const cycle = { name: 'loop' };
cycle.self = cycle;
const sparse = [];
sparse.length = 2 ** 32 - 1;
let deep = {};
for (let i = 0; i < 2000; i++) deep = { deep };
const p = new Proxy({}, { ownKeys() { throw new Error('keys'); } });
for (const f of [console.log, console.warn, console.table, console.dir]) {
  try { f(cycle, sparse, deep, p); } catch {}
}
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'trace-api-hostile-args',
    vector: 'trace.highlight/label/note given Proxies, throwing toString and cycles',
    files: {
      'main.js': `${THROWING_PROXY}
const bad = { toString() { throw new Error('toString'); } };
const cycle = {};
cycle.cycle = cycle;
for (const call of [() => trace.highlight(hostile), () => trace.highlight('A', bad), () => trace.label('A', bad),
  () => trace.label(hostile, 'x'), () => trace.note(hostile), () => trace.note(cycle)]) {
  try { call(); } catch {}
}
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'graph-hostile-attributes',
    vector: 'graph attributes that are Proxies and getters, recorded with each graph operation',
    files: {
      'main.js': `${THROWING_PROXY}
const getter = { get weight() { throw new Error('weight'); } };
for (const call of [() => graph.setNodeAttribute('A', 'x', hostile), () => graph.addNode('Z', getter),
  () => graph.mergeNodeAttributes('B', getter), () => graph.addEdge('A', 'J', hostile), () => graph.replaceNodeAttributes('C', hostile)]) {
  try { call(); } catch {}
}
export default 'done';`,
    },
    layer: 'recorder',
    contained: DONE_OR_THREW,
  },
  {
    id: 'result-hostile',
    vector: 'the module’s result itself is a Proxy whose every trap throws (awaiting it reads `then`, which throws)',
    files: {
      'main.js': `${THROWING_PROXY}
export default hostile;`,
    },
    layer: 'recorder',
    contained: { codes: ['RUNNER_EXCEPTION'] },
  },
  {
    id: 'stack-overflow-in-engine',
    vector: 'recurses to the edge of the stack, then makes the recorder and console work there',
    files: {
      'main.js': `let deep = [];
const root = deep;
for (let i = 0; i < 3000; i++) { const next = []; deep.push(next); deep = next; }
let deepest = 0;
function down(n) {
  try {
    return down(n + 1);
  } catch {
    deepest = n;
    const copy = root;
    console.log(root);
    return n;
  }
}
down(0);
export default deepest > 0 ? 'done' : 'shallow';`,
    },
    layer: 'recorder',
    contained: { result: 'done', codes: ['MEMORY_STACK', 'RUNNER_EXCEPTION'] },
  },
];
