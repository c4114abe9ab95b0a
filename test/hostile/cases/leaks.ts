// What one run could leave for the next in the same tab or server: state on shared objects, tampered
// console/trace/Math, graphology's classes and the packages' exports, callbacks that fire later, and
// module instances. The follow-ups after every case, and each case's own `next`, look for it.
import type { HostileCase } from '../types';

/** The default result of a script that only tries to leave something behind. */
const DONE = { result: 'done' };

export const LEAK_CASES: HostileCase[] = [
  {
    id: 'leak-stash-globals',
    vector:
      'stashes a value on globalThis, Object/Array/Function prototypes, Math, JSON, console, trace and graph’s prototype',
    files: {
      'main.js': `const places = [globalThis, Object.prototype, Array.prototype, Function.prototype, Math,
  Object.getPrototypeOf(Math), JSON, console, trace, Object.getPrototypeOf(graph), Symbol, Reflect];
for (const o of places) {
  try { Object.defineProperty(o, 'stash', { value: 'leak', writable: true, configurable: true }); } catch {}
  try { o.stash = 'leak'; } catch {}
}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
    cli: true,
  },
  {
    id: 'leak-console-tamper',
    vector: 'replaces console.log/warn (own and inherited) so the next run prints nothing or a forgery',
    files: {
      'main.js': `const forged = () => {};
for (const o of [console, Object.getPrototypeOf(console)]) {
  if (!o) continue;
  for (const k of ['log', 'info', 'warn', 'error']) {
    try { Object.defineProperty(o, k, { value: forged, writable: true, configurable: true }); } catch {}
    try { o[k] = forged; } catch {}
  }
}
try { Object.setPrototypeOf(console, { log: forged }); } catch {}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
  },
  {
    id: 'leak-trace-tamper',
    vector: 'replaces trace.note/highlight/label (own, inherited, the prototype itself) for the next run',
    files: {
      'main.js': `const forged = () => 'PASS';
for (const o of [trace, Object.getPrototypeOf(trace)]) {
  if (!o) continue;
  for (const k of ['note', 'highlight', 'label']) {
    try { Object.defineProperty(o, k, { value: forged, writable: true, configurable: true }); } catch {}
    try { o[k] = forged; } catch {}
  }
}
try { Object.setPrototypeOf(trace, null); } catch {}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
  },
  {
    id: 'leak-math-random',
    vector:
      'replaces Math.random on the seeded Math and on the host’s Math behind it, so the next run is not reproducible',
    files: {
      'main.js': `const forged = () => 0.5;
for (const M of [Math, Object.getPrototypeOf(Math)]) {
  try { Object.defineProperty(M, 'random', { value: forged, writable: true, configurable: true }); } catch {}
  try { M.random = forged; } catch {}
}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
  },
  {
    id: 'leak-late-callbacks',
    vector:
      'schedules work for after its run: timers, sleeps, long promise chains and a FinalizationRegistry, printing LATE into the next run',
    files: {
      'main.js': `const late = () => { console.log('LATE'); try { globalThis.stash = 'late'; } catch {} };
setTimeout(late, 20);
sleep(40).then(late);
let p = Promise.resolve();
for (let i = 0; i < 200; i++) p = p.then(() => undefined);
p.then(late);
try { new FinalizationRegistry(late).register({}, 'x'); } catch {}
export default 'done';`,
    },
    layer: 'kernel',
    also: ['compartment'],
    contained: { result: 'done' },
    next: {
      what: 'a run that waits 150 ms prints nothing it did not print itself',
      files: { 'main.js': `await sleep(150);\nexport default typeof globalThis.stash;` },
      contained: { result: 'undefined', notPrinted: 'LATE' },
    },
  },
  {
    id: 'leak-module-instance',
    vector:
      'mutates an object exported by a playground file, hoping the next run with the same files gets the same instance',
    files: {
      'main.js': `import { box } from './state.js';\nbox.value = 'leak';\nexport default 'done';`,
      'state.js': `export const box = { value: 'fresh' };`,
    },
    layer: 'compartment',
    contained: { result: 'done' },
    next: {
      what: 'the same files in a later run start fresh',
      files: {
        'main.js': `import { box } from './state.js';\nexport default box.value;`,
        'state.js': `export const box = { value: 'fresh' };`,
      },
      contained: { result: 'fresh' },
    },
  },
  {
    id: 'graphology-prototype',
    vector:
      '`Object.getPrototypeOf(graph)` mutation: neighbors/forEachNeighbor/order/addNode forged for every later graph',
    files: {
      'main.js': `const forged = function () { return ['PASS']; };
const P = Object.getPrototypeOf(graph);
for (const o of [P, Object.getPrototypeOf(P), graph.constructor]) {
  for (const k of ['neighbors', 'forEachNeighbor', 'forEachNode', 'nodes', 'hasNode', 'addNode', 'export', 'from']) {
    try { Object.defineProperty(o, k, { value: forged, writable: true, configurable: true }); } catch {}
    try { o[k] = forged; } catch {}
  }
}
try { Object.defineProperty(P, 'order', { get: () => 0, configurable: true }); } catch {}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
  },
  {
    id: 'graphology-exports',
    vector:
      'replaces the allowlisted packages’ exports (shortest path, traversal, Graph’s statics and prototype) for every later run',
    files: {
      'main.js': `import Graph from 'graphology';
import * as sp from 'graphology-shortest-path';
import * as traversal from 'graphology-traversal';
const forged = () => ['PASS'];
for (const o of [sp, sp.default, sp.bidirectional, traversal, traversal.default, Graph, Graph.prototype]) {
  if (!o) continue;
  for (const k of ['bidirectional', 'singleSource', 'bfsFromNode', 'bfs', 'dfs', 'from', 'neighbors']) {
    try { Object.defineProperty(o, k, { value: forged, writable: true, configurable: true }); } catch {}
    try { o[k] = forged; } catch {}
  }
}
export default 'done';`,
    },
    layer: 'compartment',
    contained: DONE,
    next: {
      what: 'a later run gets the real shortest path and traversal',
      files: {
        'main.js': `import { bidirectional } from 'graphology-shortest-path';
import { bfsFromNode } from 'graphology-traversal';
import Graph from 'graphology';
const order = [];
bfsFromNode(graph, 'A', (n) => { order.push(n); });
export default [bidirectional(graph, 'A', 'J').join(''), order.join(''), graph instanceof Graph];`,
      },
      contained: { result: { $: 'array', items: ['ABDGIJ', 'ABCDEFGHIJ', true], size: 3 } },
    },
  },
];
