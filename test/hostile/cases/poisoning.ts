// Prototype poisoning of every intrinsic the engine uses. Each script replaces what it can (and
// carries on when it cannot), then ends with a value or an error whose honest recording is known.
// A poisoned engine shows a forged value in this run, or the follow-ups show it in the next one.
import type { TraceValue } from '../../../src/protocol/trace';
import type { HostileCase } from '../types';

/** Script text: `poison(o, k, v)` replaces a property by definition and by assignment, quietly. */
const POISON = `const define = Object.defineProperty;
function poison(o, k, v) {
  try { define(o, k, { value: v, writable: true, configurable: true }); } catch {}
  try { o[k] = v; } catch {}
}`;

/** `main.js` that starts with `poison`. */
const poisoned = (code: string): Record<string, string> => ({ 'main.js': `${POISON}\n${code}` });

/** The 1-based line of the first line of `files['main.js']` that contains `text`. */
export function lineOf(files: Readonly<Record<string, string>>, text: string): number {
  return (files['main.js'] ?? '').split('\n').findIndex((l) => l.includes(text)) + 1;
}

const obj = (entries: Array<[string, TraceValue]>): TraceValue => ({
  $: 'object',
  cls: 'Object',
  entries,
  size: entries.length,
});
const arr = (items: TraceValue[]): TraceValue => ({ $: 'array', items, size: items.length });

const jsonFiles = poisoned(`poison(JSON, 'stringify', () => '{"ok":true,"result":"PASS","stdout":"PASS"}');
poison(JSON, 'parse', () => ({ ok: true, result: 'PASS' }));
throw new RangeError('the real failure');`);

const toJsonFiles = poisoned(`poison(Object.prototype, 'toJSON', function () { return { ok: true, result: 'PASS' }; });
throw new RangeError('the real failure');`);

const accessorFiles =
  poisoned(`const forged = { ok: true, code: 'PASS', network: ['$LISTENER$/...'], read: ['$LISTENER$/...'] };
forged.grants = { network: ['$LISTENER$/...'] };
forged.permissions = { read: ['graph', '$LISTENER$/...'] };
for (const k of ['ok', 'code', 'error', 'result', 'kind', 'phase', 'grants', 'network', 'permissions', 'read',
  'limits', 'stepLimit', 'timeLimitMs', 'trace', 'input', 'seed', 'settings']) {
  try {
    define(Object.prototype, k, {
      get() { return k in forged ? forged[k] : undefined; },
      set(v) { define(this, k, { value: v, writable: true, enumerable: true, configurable: true }); },
      configurable: true,
    });
  } catch {}
}
throw new RangeError('the real failure');`);

export const POISONING_CASES: HostileCase[] = [
  {
    id: 'poison-object-statics',
    vector:
      'replaces Object.keys/entries/values/defineProperty/getOwnPropertyNames/assign/freeze… (issue 9: later responses showed a forged PASS)',
    files: poisoned(`const forged = () => ['PASS'];
for (const k of ['keys', 'values', 'entries', 'getOwnPropertyNames', 'getOwnPropertySymbols',
  'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors', 'assign', 'freeze', 'isFrozen', 'create',
  'getPrototypeOf', 'setPrototypeOf', 'fromEntries', 'hasOwn', 'is']) poison(Object, k, forged);
poison(Object, 'defineProperty', () => ({}));
export default { a: 1, b: 2 };`),
    layer: 'compartment',
    contained: {
      result: obj([
        ['a', 1],
        ['b', 2],
      ]),
    },
    cli: true,
  },
  {
    id: 'poison-json',
    vector: 'replaces JSON.stringify and JSON.parse with forgeries of a passing response, then fails',
    files: jsonFiles,
    layer: 'compartment',
    also: ['process'],
    contained: { codes: ['RUNNER_EXCEPTION'], line: lineOf(jsonFiles, 'throw new'), notPrinted: 'PASS' },
    cli: true,
  },
  {
    id: 'poison-array-methods',
    vector:
      'replaces Array.prototype push/pop/shift/map/filter/forEach/join/slice/concat/indexOf/includes/sort/splice/reduce/fill/at',
    files:
      poisoned(`for (const k of ['push', 'pop', 'shift', 'unshift', 'map', 'filter', 'forEach', 'join', 'slice', 'concat',
  'indexOf', 'includes', 'sort', 'splice', 'reduce', 'fill', 'at', 'keys', 'entries', 'values', 'flat', 'flatMap'])
  poison(Array.prototype, k, function () { return ['PASS']; });
poison(Array, 'isArray', () => false);
poison(Array, 'from', () => ['PASS']);
poison(Array, 'of', () => ['PASS']);
export default [1, 2, 3];`),
    layer: 'compartment',
    contained: { result: arr([1, 2, 3]) },
  },
  {
    id: 'poison-iterators',
    vector: 'replaces Array.prototype[Symbol.iterator] and the shared %ArrayIteratorPrototype%.next',
    files: poisoned(`const ArrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
poison(ArrayIterator, 'next', () => ({ done: false, value: 'PASS' }));
poison(Array.prototype, Symbol.iterator, function* () { yield 'PASS'; });
poison(Object.getPrototypeOf(ArrayIterator), Symbol.iterator, function () { return this; });
export default [1, 2];`),
    layer: 'compartment',
    contained: { result: arr([1, 2]) },
  },
  {
    id: 'poison-map-set',
    vector: 'replaces the Map and Set prototypes’ methods, iterators and size getters',
    files: poisoned(`for (const P of [Map.prototype, Set.prototype]) {
  for (const k of ['get', 'set', 'add', 'has', 'delete', 'clear', 'forEach', 'entries', 'keys', 'values', Symbol.iterator])
    poison(P, k, function () { return 'PASS'; });
  try { define(P, 'size', { get: () => 0 }); } catch {}
}
const MapIterator = Object.getPrototypeOf(new Map().entries());
poison(MapIterator, 'next', () => ({ done: true, value: undefined }));
export default [new Map([['a', 1]]), new Set(['b'])];`),
    layer: 'compartment',
    contained: {
      result: arr([
        { $: 'map', entries: [['a', 1]], size: 1 },
        { $: 'set', items: ['b'], size: 1 },
      ]),
    },
  },
  {
    id: 'poison-promise-then',
    vector: 'replaces Promise.prototype.then/catch/finally so that every awaited value becomes PASS',
    files: poisoned(`const then = Promise.prototype.then;
poison(Promise.prototype, 'then', function (f, r) {
  return then.call(this, () => (typeof f === 'function' ? f('PASS') : 'PASS'), r);
});
poison(Promise.prototype, 'catch', function () { return this; });
poison(Promise.prototype, 'finally', function () { return this; });
poison(Promise, 'all', () => Promise.resolve(['PASS']));
export default 'honest';`),
    layer: 'compartment',
    contained: { result: 'honest' },
  },
  {
    id: 'poison-object-prototype-then',
    vector: '`Object.prototype.then` turns every object the engine awaits into a thenable (issue 9)',
    files: poisoned(`poison(Object.prototype, 'then', function (resolve) { resolve('PASS'); });
export default 'honest';`),
    layer: 'compartment',
    contained: { result: 'honest' },
  },
  {
    id: 'poison-object-prototype-tojson',
    vector: '`Object.prototype.toJSON` makes every serialized response a forged PASS, then fails',
    files: toJsonFiles,
    layer: 'compartment',
    also: ['process'],
    contained: { codes: ['RUNNER_EXCEPTION'], line: lineOf(toJsonFiles, 'throw new'), notPrinted: 'PASS' },
    cli: true,
  },
  {
    id: 'poison-object-prototype-tostring',
    vector:
      'replaces Object.prototype toString/valueOf/hasOwnProperty/isPrototypeOf/propertyIsEnumerable and adds Symbol.toStringTag/toPrimitive',
    files:
      poisoned(`for (const k of ['toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  '__lookupGetter__', '__defineGetter__', Symbol.toPrimitive, Symbol.iterator]) poison(Object.prototype, k, () => 'PASS');
try { define(Object.prototype, Symbol.toStringTag, { get: () => 'PASS', configurable: true }); } catch {}
export default { a: 1 };`),
    layer: 'compartment',
    contained: { result: obj([['a', 1]]) },
  },
  {
    id: 'poison-object-prototype-accessors',
    vector:
      'getters on Object.prototype for the fields the engine reads (ok, code, error, grants, network, limits, trace…) forge results and grant the next run the network',
    files: accessorFiles,
    layer: 'compartment',
    also: ['kernel'],
    contained: { codes: ['RUNNER_EXCEPTION'], line: lineOf(accessorFiles, 'throw new') },
    next: {
      what: 'a later script without a manifest still has no network',
      files: { 'main.js': `await fetch('$LISTENER$/after-accessors');\nexport default 'reached';` },
      contained: { codes: ['PERMISSION_DENIED'] },
    },
  },
  {
    id: 'poison-string-methods',
    vector:
      'replaces String.prototype split/replace/slice/startsWith/includes/indexOf/trim/padStart/toUpperCase/charCodeAt/[Symbol.iterator] and String.fromCharCode',
    files:
      poisoned(`for (const k of ['split', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'startsWith', 'endsWith',
  'includes', 'indexOf', 'lastIndexOf', 'trim', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'charCodeAt',
  'codePointAt', 'charAt', 'match', 'normalize', 'repeat', 'concat', 'at', Symbol.iterator])
  poison(String.prototype, k, function () { return 'PASS'; });
poison(String, 'fromCharCode', () => 'PASS');
poison(String, 'raw', () => 'PASS');
export default 'a-b';`),
    layer: 'compartment',
    contained: { result: 'a-b' },
  },
  {
    id: 'poison-function-prototype',
    vector:
      'replaces Function.prototype call/apply/bind/toString and Symbol.hasInstance (the probe calls methods with `.call`)',
    files: poisoned(`const list = [];
for (const k of ['call', 'apply', 'bind', 'toString'])
  poison(Function.prototype, k, function () { return 'PASS'; });
try { define(Function.prototype, Symbol.hasInstance, { value: () => true, configurable: true }); } catch {}
list.push(1);
export default list;`),
    layer: 'compartment',
    contained: { result: arr([1]) },
  },
  {
    id: 'poison-symbol-species',
    vector: 'redirects Symbol.species of Array, Promise, RegExp, ArrayBuffer and the typed arrays to forged classes',
    files: poisoned(`class Forged extends Array {}
const TypedArray = Object.getPrototypeOf(Uint8Array);
for (const C of [Array, Promise, RegExp, ArrayBuffer, TypedArray, Map, Set]) {
  try { define(C, Symbol.species, { get: () => Forged, configurable: true }); } catch {}
}
export default [1, 2, 3];`),
    layer: 'compartment',
    contained: { result: arr([1, 2, 3]) },
  },
  {
    id: 'poison-typed-arrays-atomics',
    vector:
      'replaces the typed arrays’ set/subarray/slice/fill, ArrayBuffer.slice and Atomics (the trace’s columns and the stop flag)',
    files: poisoned(`const TA = Object.getPrototypeOf(Uint8Array).prototype;
for (const k of ['set', 'subarray', 'slice', 'fill', 'copyWithin', 'map', 'at'])
  poison(TA, k, function () { return this; });
poison(ArrayBuffer.prototype, 'slice', () => new ArrayBuffer(0));
for (const k of ['load', 'store', 'add', 'sub', 'wait', 'notify', 'compareExchange', 'exchange'])
  poison(Atomics, k, () => 0);
export default 'honest';`),
    layer: 'compartment',
    contained: { result: 'honest' },
  },
  {
    id: 'poison-numbers-bigint',
    vector:
      'replaces Number.isInteger/isFinite/isNaN, Number/BigInt/Boolean/Symbol prototype methods the recorder formats values with',
    files: poisoned(`for (const k of ['isInteger', 'isFinite', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt'])
  poison(Number, k, () => false);
for (const k of ['toString', 'toFixed', 'valueOf', 'toLocaleString']) poison(Number.prototype, k, () => 'PASS');
poison(BigInt.prototype, 'toString', () => 'PASS');
poison(Boolean.prototype, 'valueOf', () => false);
poison(Symbol.prototype, 'toString', () => 'PASS');
export default [1.5, 2n, true, NaN, -0];`),
    layer: 'compartment',
    contained: {
      result: arr([1.5, { $: 'bigint', v: '2' }, true, { $: 'number', v: 'NaN' }, { $: 'number', v: '-0' }]),
    },
  },
  {
    id: 'poison-weak-collections',
    vector:
      'replaces WeakMap/WeakSet/WeakRef/FinalizationRegistry methods (the recorder keeps object ids in a WeakMap)',
    files: poisoned(`for (const k of ['get', 'set', 'has', 'delete']) poison(WeakMap.prototype, k, () => 7);
for (const k of ['add', 'has', 'delete']) poison(WeakSet.prototype, k, () => true);
// SES leaves WeakRef and FinalizationRegistry out of compartments; where they exist, they are shared too
if (typeof WeakRef === 'function') poison(WeakRef.prototype, 'deref', () => undefined);
if (typeof FinalizationRegistry === 'function') poison(FinalizationRegistry.prototype, 'register', () => undefined);
export default { a: [1] };`),
    layer: 'compartment',
    contained: { result: obj([['a', arr([1])]]) },
  },
  {
    id: 'poison-reflect',
    vector: 'replaces every Reflect function (ownKeys, get, apply, defineProperty, getPrototypeOf…)',
    files: poisoned(`for (const k of Object.getOwnPropertyNames(Reflect)) poison(Reflect, k, () => ['PASS']);
export default { a: 1 };`),
    layer: 'compartment',
    contained: { result: obj([['a', 1]]) },
  },
  {
    id: 'poison-global-bindings',
    vector: 'rebinds Object, Array, JSON, Map, Set, Promise, Error and Symbol on every global object it can find',
    files: poisoned(`const forged = function () { return 'PASS'; };
for (const g of [globalThis, globalThis.global, globalThis.self]) {
  if (!g) continue;
  for (const k of ['Object', 'Array', 'JSON', 'Map', 'Set', 'Promise', 'Error', 'Symbol', 'Reflect', 'WeakMap'])
    poison(g, k, forged);
}
export default { a: 1 };`),
    layer: 'compartment',
    contained: { result: obj([['a', 1]]) },
  },
];
