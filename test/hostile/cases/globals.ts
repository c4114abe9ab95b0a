// Naming or recovering the host's global object: bare names, `this`, events, prototype walks,
// `arguments.callee.caller`, and V8's structured stack frames.
import { js, NOTHING, NOTHING_OR_FORBIDDEN, NOTHING_OR_REFUSED, probe } from '../prelude';
import type { HostileCase } from '../types';

export const GLOBAL_CASES: HostileCase[] = [
  {
    id: 'host-globals-bare',
    vector: 'names the host’s globals directly: process, require, module, global, self, window, postMessage, …',
    files: js(`
const reached = [
  typeof process !== 'undefined' && 'process',
  typeof require !== 'undefined' && 'require',
  typeof module !== 'undefined' && 'module',
  typeof global !== 'undefined' && 'global',
  typeof Buffer !== 'undefined' && 'Buffer',
  typeof __filename !== 'undefined' && '__filename',
  typeof self !== 'undefined' && 'self',
  typeof window !== 'undefined' && 'window',
  typeof document !== 'undefined' && 'document',
  typeof postMessage !== 'undefined' && 'postMessage',
  typeof close !== 'undefined' && 'close',
  typeof addEventListener !== 'undefined' && 'addEventListener',
  typeof importScripts !== 'undefined' && 'importScripts',
  typeof navigator !== 'undefined' && 'navigator',
  typeof location !== 'undefined' && 'location',
  typeof indexedDB !== 'undefined' && 'indexedDB',
  typeof caches !== 'undefined' && 'caches',
  typeof WorkerGlobalScope !== 'undefined' && 'WorkerGlobalScope',
  typeof Deno !== 'undefined' && 'Deno',
].filter(Boolean);
export default reached.length > 0 ? reached.join(',') : 'nothing';`),
    layer: 'compartment',
    contained: NOTHING_OR_REFUSED,
    cli: true,
  },
  {
    id: 'host-globals-globalthis',
    vector: '`globalThis` holds none of the host’s capabilities',
    files: probe(`export default report(hostIn(globalThis));`),
    layer: 'compartment',
    contained: NOTHING,
  },
  {
    id: 'global-process-exec',
    vector: "`global.process.getBuiltinModule('child_process').execSync('touch marker')` (issue 9)",
    files: js(`global.process.getBuiltinModule('child_process').execSync('touch $MARKER$');\nexport default 'ran';`),
    layer: 'compartment',
    also: ['process'],
    contained: { codes: ['RUNNER_EXCEPTION', 'PREP_FORBIDDEN_SYNTAX'] },
    cli: true,
  },
  {
    id: 'require-exec',
    vector: "`require('child_process').execSync('touch marker')`",
    files: js(`require('child_process').execSync('touch $MARKER$');\nexport default 'ran';`),
    layer: 'compartment',
    also: ['process'],
    contained: { codes: ['RUNNER_EXCEPTION', 'PREP_FORBIDDEN_SYNTAX'] },
  },
  {
    id: 'process-exit',
    vector: 'ends the worker that hosts the engine through any `process` it can find',
    files: probe(`
const found = [];
for (const g of [globalThis, globalThis.global, globalThis.self]) {
  try {
    if (g && g.process && typeof g.process.exit === 'function') { found.push('process'); g.process.exit(0); }
  } catch {}
}
export default report(found);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
  {
    id: 'recover-this-sloppy',
    vector:
      '`this` of functions called without a receiver: plain calls, callbacks of map/sort/then/setTimeout/forEachNode',
    files: probe(`
function plain() { return this; }
const vals = [plain(), plain.call(undefined), Reflect.apply(plain, undefined, [])];
vals.push([0].map(function () { return this; })[0]);
vals.push(Array.from([0], function () { return this; })[0]);
[2, 1].sort(function () { vals.push(this); return 0; });
vals.push(await Promise.resolve().then(function () { return this; }));
vals.push(await new Promise((resolve) => setTimeout(function () { resolve(this); }, 0)));
graph.forEachNode(function () { vals.push(this); });
vals.push(this, (() => this)());
export default report(...vals.map(hostIn));`),
    layer: 'compartment',
    contained: NOTHING,
  },
  {
    id: 'recover-event-target',
    vector:
      "`addEventListener('x', e => G = e.currentTarget); dispatchEvent(new Event('x'))` recovers the worker’s global (issue 9)",
    files: probe(`
let G;
try {
  addEventListener('x', (e) => { G = e.currentTarget; });
  dispatchEvent(new Event('x'));
} catch {}
export default report(hostIn(G));`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'reflect-walk',
    vector:
      'walks every object reachable from the given globals and packages (Reflect.ownKeys, getPrototypeOf, accessors) looking for host objects, the probe, the recorder or an untamed Function',
    files: probe(`
import Graph from 'graphology';
import * as sp from 'graphology-shortest-path';
import * as traversal from 'graphology-traversal';
let engineError;
try { graph.neighbors('no such node'); } catch (e) { engineError = e; }
const queue = [globalThis, graph, trace, console, sleep, spawn, fetch, Math, setTimeout, clearTimeout, Graph, sp,
  traversal, engineError, sleep(0)];
const seen = new Set();
const hostNames = new Set(HOST_NAMES);
const found = [];
const ctors = [];
while (queue.length > 0 && seen.size < 400) {
  const o = queue.shift();
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
  seen.add(o);
  let keys = [];
  try { keys = Reflect.ownKeys(o); } catch { continue; }
  if (PROBE_METHODS.every((k) => keys.includes(k))) found.push('probe');
  if (RECORDER_METHODS.every((k) => keys.includes(k))) found.push('recorder');
  for (const k of keys) {
    let d;
    try { d = Reflect.getOwnPropertyDescriptor(o, k); } catch { continue; }
    if (!d) continue;
    // a host capability is an object or function under a host name (RegExp.prototype.global is a flag)
    const held = d.get ? o !== RegExp.prototype : d.value !== null && (typeof d.value === 'object' || typeof d.value === 'function');
    if (typeof k === 'string' && hostNames.has(k) && held) found.push(k);
    for (const v of [d.value, d.get, d.set]) if (v !== null && (typeof v === 'object' || typeof v === 'function')) queue.push(v);
  }
  try { queue.push(Reflect.getPrototypeOf(o)); } catch {}
  if (typeof o === 'function' && /Function$/.test(String(o.name))) ctors.push(o);
}
for (const F of ctors) {
  try { found.push(...hostIn(await unwrap(() => F('return this')()))); } catch {}
}
export default report(found);`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
    limits: { timeLimitMs: 5000 },
  },
  {
    id: 'arguments-callee-caller',
    vector: '`arguments.callee`, `fn.caller` and `fn.arguments` from callbacks the engine or graphology call',
    files: probe(`
const got = [];
function f() { return arguments.callee; }
try { got.push(f()); } catch {}
function g() { return g.caller; }
try { got.push(g()); } catch {}
graph.forEachNode(function cb() {
  try { got.push(cb.caller); } catch {}
  try { got.push(graph.forEachNode.caller); } catch {}
  try { got.push(graph.forEachNode.arguments); } catch {}
});
[2, 1].sort(function cmp() { try { got.push(cmp.caller); } catch {} return 0; });
await sleep(0).then(function later() { try { got.push(later.caller); } catch {} });
export default report(
  got
    .filter((x) => x !== null && x !== undefined && x !== f)
    .flatMap((x) => (typeof x === 'function' ? ['caller:' + (x.name || 'anonymous')] : Array.from(x).flatMap(hostIn))),
);`),
    layer: 'compartment',
    contained: NOTHING,
  },
  {
    id: 'error-prepare-stack-trace',
    vector:
      '`Error.prepareStackTrace` reads `getThis()`/`getFunction()` of the engine’s frames (and stays set for the next run)',
    files: probe(`
const seen = [];
try {
  Error.prepareStackTrace = (e, frames) => {
    for (const fr of frames) {
      try { seen.push(fr.getThis()); } catch {}
      try { seen.push(fr.getFunction()); } catch {}
    }
    return 'stack';
  };
} catch {}
try { graph.forEachNode(() => void new Error('inside').stack); } catch {}
try { graph.neighbors('no such node'); } catch (e) { void e.stack; }
[2, 1].sort((a, b) => { void new Error('sort').stack; return a - b; });
await sleep(0).then(() => void new Error('then').stack);
export default report(seen.flatMap((x) => (typeof x === 'function' ? ['function:' + (x.name || 'anonymous')] : hostIn(x))));`),
    layer: 'compartment',
    contained: NOTHING,
  },
  {
    id: 'error-stack-tamper',
    vector:
      'changes Error’s stack machinery and prototype (stackTraceLimit, captureStackTrace, toString, name, a `code` getter) to forge how failures are reported',
    files: js(`try { Error.stackTraceLimit = 0; } catch {}
try { Error.captureStackTrace = () => {}; } catch {}
try { Error.prototype.toString = () => 'PASS'; } catch {}
try { Error.prototype.name = 'StepgraphError'; } catch {}
try { Object.defineProperty(Error.prototype, 'code', { get: () => 'LIMIT_STEPS' }); } catch {}
try { Object.defineProperty(Error.prototype, 'stack', { get: () => 'at main.js:1:1' }); } catch {}
throw new TypeError('mine');`),
    layer: 'compartment',
    contained: { codes: ['RUNNER_EXCEPTION'], line: 7 },
  },
];
