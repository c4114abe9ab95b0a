// The instrumentation: the probe `__sg` and the names the instrumenter generates, forged trace and
// output lines, and switching off the step checks that stop a runaway script.
import { js, NOTHING, NOTHING_OR_REFUSED, probe, REFUSED } from '../prelude';
import type { HostileCase } from '../types';

export const INSTRUMENTATION_CASES: HostileCase[] = [
  {
    id: 'sg-switch-off-checks',
    vector: '`__sg.s = () => {}` switches off the step checks, then loops forever',
    files: js(`__sg.s = () => {};\nlet i = 0;\nwhile (true) i++;`),
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'sg-shadow',
    vector: 'declares its own `__sg` (and the frame names `__f0`, `__e`) to take the probe’s place',
    files: js(`const __sg = { s() {}, v() {} };\nlet __f0 = 0;\nexport default 'ran';`),
    layer: 'compile',
    contained: REFUSED,
  },
  {
    id: 'sg-unicode-escape',
    vector: 'names the probe with a unicode escape (`\\u005f_sg`) to slip past a name check',
    files: js(String.raw`export default typeof \u005f_sg === 'undefined' ? 'nothing' : 'probe';`),
    layer: 'compile',
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'sg-computed',
    vector: "finds the probe by a computed name: `globalThis['__' + 'sg']`, Reflect.get, destructuring",
    files: probe(`
const key = '__' + 'sg';
const found = [globalThis[key], Reflect.get(globalThis, key), Object.getOwnPropertyDescriptor(globalThis, key)];
const { [key]: destructured } = globalThis;
found.push(destructured);
export default found.some((x) => x !== undefined) ? 'probe' : 'nothing';`),
    layer: 'compartment',
    contained: NOTHING,
  },
  {
    id: 'sg-arguments',
    vector: '`arguments` at the top level reveals the parameters of the wrapper the engine runs the module in',
    files: probe(`
let a;
try { a = arguments; } catch { a = undefined; }
export default a && a.length > 0 ? report(...Array.from(a).map(hostIn), ['arguments:' + a.length]) : 'nothing';`),
    layer: 'compartment',
    contained: { result: 'nothing', codes: ['PREP_FORBIDDEN_SYNTAX', 'PREP_SYNTAX'] },
  },
  {
    id: 'sg-from-catch',
    vector: 'catches the engine’s own stop (a step limit) and carries on, as if its checks were off',
    files: js(`let caught = 0;
for (;;) {
  try {
    for (;;) caught += 0;
  } catch (e) {
    caught++;
  }
}`),
    layer: 'kernel',
    limits: { stepLimit: 20000 },
    contained: { codes: ['LIMIT_STEPS'] },
  },
  {
    id: 'step-checks-math',
    vector:
      'replaces the host’s Math.min/max (reached through the seeded Math’s prototype) to switch off step checks, then loops forever',
    files: js(`const forged = () => Infinity;
for (const M of [Math, Object.getPrototypeOf(Math)]) {
  for (const k of ['min', 'max', 'floor', 'ceil', 'round', 'trunc', 'abs']) {
    try { Object.defineProperty(M, k, { value: forged, writable: true, configurable: true }); } catch {}
    try { M[k] = forged; } catch {}
  }
}
let i = 0;
while (true) i++;`),
    layer: 'compartment',
    limits: { stepLimit: 20000 },
    contained: { codes: ['LIMIT_STEPS'] },
  },
  {
    id: 'step-checks-clock',
    vector: 'freezes the engine’s clock (performance.now, Date.now) so the time limit never trips, then spins',
    files: js(`const zero = () => 0;
for (const o of [globalThis.performance, globalThis.performance && Object.getPrototypeOf(globalThis.performance), Date]) {
  if (!o) continue;
  try { Object.defineProperty(o, 'now', { value: zero, writable: true, configurable: true }); } catch {}
  try { o.now = zero; } catch {}
}
const big = new Array(200000).fill(7);
while (true) JSON.stringify(big);`),
    layer: 'compartment',
    limits: { timeLimitMs: 1000 },
    contained: { codes: ['LIMIT_TIME'] },
  },
  {
    id: 'forge-output-lines',
    vector: 'prints lines that mimic a response or a trace step, and writes to the host’s stdout and console directly',
    files: probe(`
console.log('{"ok":true,"result":"PASS"}\\nvisit A at distance 0');
const reached = [];
for (const g of [globalThis, globalThis.global]) {
  try { if (g && g.process) { g.process.stdout.write('FORGED\\n'); reached.push('stdout'); } } catch {}
}
try {
  const hostConsole = Object.getPrototypeOf(console);
  if (hostConsole && typeof hostConsole.log === 'function') { hostConsole.log('FORGED'); reached.push('console'); }
} catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: { result: 'nothing', notPrinted: 'FORGED' },
    cli: true,
  },
];
