// Code from outside the playground and code built from text: imports of URLs and Node builtins,
// `import()`, `import.meta`, `eval` and every function constructor.
import { js, NOTHING, NOTHING_OR_FORBIDDEN, NOTHING_OR_REFUSED, probe, REFUSED } from '../prelude';
import type { HostileCase } from '../types';

const FORBIDDEN_IMPORT = { codes: ['PREP_FORBIDDEN_IMPORT'] };

export const MODULE_CASES: HostileCase[] = [
  {
    id: 'import-static-node',
    vector: "static `import { execSync } from 'node:child_process'` runs `touch marker`",
    files: js(`import { execSync } from 'node:child_process';\nexecSync('touch $MARKER$');\nexport default 'ran';`),
    layer: 'compile',
    also: ['compartment', 'process'],
    contained: FORBIDDEN_IMPORT,
    cli: true,
  },
  {
    id: 'import-static-url',
    vector: 'static import of a module from the listener’s http: URL',
    files: js(`import x from '$LISTENER$/static.js';\nexport default x;`),
    layer: 'compile',
    also: ['page'],
    contained: FORBIDDEN_IMPORT,
  },
  {
    id: 'export-star-node',
    vector: "`export * from 'node:fs'` re-exports a Node builtin",
    files: js(`export * from 'node:fs';\nexport default 'ran';`),
    layer: 'compile',
    contained: FORBIDDEN_IMPORT,
  },
  {
    id: 'import-dynamic-node',
    vector: "`await import('node:child_process')` runs `touch marker` (issue 9)",
    files: js(`const cp = await import('node:child_process');\ncp.execSync('touch $MARKER$');\nexport default 'ran';`),
    layer: 'compile',
    also: ['process'],
    contained: REFUSED,
    cli: true,
  },
  {
    id: 'import-dynamic-data',
    vector: '`import()` of a data: URL whose module reads the host’s globals (issue 9)',
    files: js(
      `const m = await import('data:text/javascript,export default typeof globalThis.process');\nexport default m.default;`,
    ),
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'import-dynamic-http',
    vector: '`import()` of the listener’s http: URL',
    files: js(`await import('$LISTENER$/dynamic.js');\nexport default 'ran';`),
    layer: 'compile',
    also: ['page'],
    contained: REFUSED,
  },
  {
    id: 'import-dynamic-blob',
    vector: '`import()` of a blob: URL made from text',
    files: js(
      `const url = URL.createObjectURL(new Blob(['export default 1'], { type: 'text/javascript' }));\nawait import(url);\nexport default 'ran';`,
    ),
    layer: 'compile',
    also: ['page'],
    contained: REFUSED,
  },
  {
    id: 'import-dynamic-in-helper',
    vector: 'a second playground file hides `import()` behind a helper that main.js calls',
    files: {
      'main.js': `import { load } from './helper.js';\nawait load('node:fs');\nexport default 'ran';`,
      'helper.js': `export const load = (specifier) => import(specifier);`,
    },
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'import-meta-url',
    vector: '`import.meta.url` reveals where the host keeps the script',
    files: js(`export default import.meta.url;`),
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'import-meta-resolve',
    vector: "`import.meta.resolve('node:fs')` names a builtin's URL",
    files: js(`export default import.meta.resolve('node:fs');`),
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'eval-direct',
    vector: 'direct `eval` sees the enclosing scope, where the tracer’s `__sg` would be',
    files: js(`export default eval('typeof __sg === "undefined" ? "nothing" : "probe"');`),
    layer: 'compile',
    also: ['compartment'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'eval-indirect',
    vector: '`(0, eval)(…)` runs text in the global scope, untraced',
    files: js(
      `export default (0, eval)('typeof process === "undefined" && typeof __sg === "undefined" ? "nothing" : "reached"');`,
    ),
    layer: 'compile',
    also: ['compartment'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'eval-computed',
    vector: "`globalThis['ev' + 'al']` reaches eval past the compile-time check",
    files: probe(`
let reached;
try {
  const ev = globalThis['ev' + 'al'];
  reached = hostIn(ev('globalThis')).concat(ev('typeof __sg') === 'undefined' ? [] : ['probe']);
} catch {
  reached = [];
}
export default report(reached);`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'eval-unicode-escape',
    vector: 'eval written with a unicode escape (`eva\\u006c`) to slip past a name check',
    files: js(String.raw`export default eva\u006c('typeof __sg === "undefined" ? "nothing" : "probe"');`),
    layer: 'compile',
    also: ['compartment'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'function-ctor',
    vector: "`Function('return this')()` and `new Function(…)` build code that returns the global",
    files: probe(`
const got = [];
try { got.push(...hostIn(Function('return this')())); } catch {}
try { got.push(...hostIn(new Function('return this')())); } catch {}
export default report(got);`),
    layer: 'compile',
    also: ['compartment'],
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'function-ctor-computed',
    vector: "`globalThis['Func' + 'tion']('return this')` past the compile-time check",
    files: probe(`
let got = [];
try { got = hostIn(globalThis['Func' + 'tion']('return this')()); } catch {}
export default report(got);`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'async-function-ctor',
    vector: "`(async function () {}).constructor('return this')`",
    files: probe(`export default report(await viaCtor(async function () {}));`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'generator-function-ctor',
    vector: "`(function* () {}).constructor('return this')`",
    files: probe(`export default report(await viaCtor(function* () {}));`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'async-generator-function-ctor',
    vector: "`(async function* () {}).constructor('return this')`",
    files: probe(`export default report(await viaCtor(async function* () {}));`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'function-ctor-via-given',
    vector:
      'the Function constructor of every object the engine hands over (graph, trace, console, sleep, spawn, fetch, Math, timers, an engine error, a promise)',
    files: probe(`
let engineError;
try { graph.neighbors('no such node'); } catch (e) { engineError = e; }
const given = [graph, graph.neighbors, Object.getPrototypeOf(graph), trace, trace.highlight, console, console.log,
  sleep, sleep(0), spawn, fetch, Math, Math.max, setTimeout, clearTimeout, engineError];
const got = [];
for (const x of given) if (x !== undefined && x !== null) got.push(...(await viaCtor(x)));
export default report(got);`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'function-ctor-via-packages',
    vector: 'the Function constructor reached through the allowlisted packages’ exports',
    files: probe(`
import Graph from 'graphology';
import * as sp from 'graphology-shortest-path';
import { bfsFromNode } from 'graphology-traversal';
import { connectedComponents } from 'graphology-components';
const got = [];
for (const x of [Graph, new Graph(), sp, sp.bidirectional, bfsFromNode, connectedComponents]) {
  if (x) got.push(...(await viaCtor(x)));
}
export default report(got);`),
    layer: 'compartment',
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'settimeout-string',
    vector: '`setTimeout(string)` evaluates text in the host’s global scope',
    files: js(`
try { setTimeout('globalThis.stash = "leak"; globalThis.process && globalThis.process.exit(3)', 0); } catch {}
await sleep(30);
export default typeof globalThis.stash === 'undefined' ? 'nothing' : 'reached';`),
    layer: 'kernel',
    also: ['compartment'],
    contained: NOTHING,
  },
  {
    id: 'with-proxy-scope',
    vector: '`with (proxy)` intercepts every name lookup of a block',
    files: js(`
let seen = 'nothing';
with (new Proxy({}, { has: () => true, get: (t, k) => { if (k === '__sg') seen = 'probe'; return undefined; } })) {
  x = 1;
}
export default seen;`),
    layer: 'compile',
    contained: { result: 'nothing', codes: ['PREP_SYNTAX', 'PREP_FORBIDDEN_SYNTAX'] },
  },
];
