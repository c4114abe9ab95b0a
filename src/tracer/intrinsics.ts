// T-INT1: what the recorder reads of a script's objects, it reads through the intrinsics taken here
// when the engine loads, never through the object's own (overridable) methods or getters: a `Map`
// subclass with its own `size` getter or iterator, a class with a `static get name()`, an object
// whose prototype has a `constructor` getter. Reading a value never runs the script's code.

const { apply, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const getter = (proto: object, key: string): ((this: unknown) => unknown) =>
  (getOwnPropertyDescriptor(proto, key) as PropertyDescriptor).get as (this: unknown) => unknown;

const MAP_SIZE = getter(Map.prototype, 'size');
const SET_SIZE = getter(Set.prototype, 'size');
const MAP_ENTRIES = Map.prototype.entries;
const SET_VALUES = Set.prototype.values;
const MAP_NEXT = (getPrototypeOf(new Map().entries()) as Iterator<unknown>).next as (
  this: unknown,
) => IteratorResult<[unknown, unknown]>;
const SET_NEXT = (getPrototypeOf(new Set().values()) as Iterator<unknown>).next as (
  this: unknown,
) => IteratorResult<unknown>;
const OBJECT_TAG = Object.prototype.toString;
const MAP_PROTO: object = Map.prototype;
const SET_PROTO: object = Set.prototype;

/** Proxies made by scripts (`executor/confine.ts` gives compartments a `Proxy` that notes each one). */
const proxies = new WeakSet<object>();

/** Notes a proxy a script made: the recorder shows it as an opaque `Proxy` and never touches it (its traps are the script's code). */
export function noteProxy(p: object): void {
  proxies.add(p);
}

/** True for a proxy a script made. */
export function isScriptProxy(o: object): boolean {
  return proxies.has(o);
}

/**
 * True when `Map.prototype` (or `Set.prototype`) is on `o`'s prototype chain, walked without running
 * script code (a script's proxy, which could trap the walk, ends it). A real Map or Set whose
 * prototype a script swapped for another is then shown as a plain object: no code of the script
 * runs either way. The walk spares the brand check below its thrown `TypeError` for every plain
 * object and array the recorder meets (measured: a graph-import loop ran 3× slower with a throw each).
 */
function inherits(o: object, proto: object): boolean {
  if (proxies.has(o)) return false;
  for (let p = getPrototypeOf(o) as object | null; p !== null; p = getPrototypeOf(p) as object | null) {
    if (p === proto) return true;
    if (proxies.has(p)) return false;
  }
  return false;
}

/** True when `o` is a real `Map` (its internal slots) that inherits from `Map.prototype`. Runs no script code. */
export function isMap(o: object): o is Map<unknown, unknown> {
  if (!inherits(o, MAP_PROTO)) return false;
  try {
    apply(MAP_SIZE, o, []);
    return true;
  } catch {
    return false;
  }
}

/** True when `o` is a real `Set` that inherits from `Set.prototype`. Runs no script code. */
export function isSet(o: object): o is Set<unknown> {
  if (!inherits(o, SET_PROTO)) return false;
  try {
    apply(SET_SIZE, o, []);
    return true;
  } catch {
    return false;
  }
}

/** A real `Map`'s size, by the intrinsic getter (a subclass's own `size` is not called). */
export function mapSize(o: Map<unknown, unknown>): number {
  return apply(MAP_SIZE, o, []) as number;
}

/** A real `Set`'s size, by the intrinsic getter. */
export function setSize(o: Set<unknown>): number {
  return apply(SET_SIZE, o, []) as number;
}

/** Calls `each` on a real `Map`'s entries in order, by the intrinsic iterator, until it returns false. */
export function eachEntry(o: Map<unknown, unknown>, each: (k: unknown, v: unknown) => boolean | void): void {
  const it = apply(MAP_ENTRIES, o, []) as object;
  for (let r = apply(MAP_NEXT, it, []); !r.done; r = apply(MAP_NEXT, it, []))
    if (each(r.value[0], r.value[1]) === false) return;
}

/** Calls `each` on a real `Set`'s values in order, by the intrinsic iterator, until it returns false. */
export function eachValue(o: Set<unknown>, each: (v: unknown) => boolean | void): void {
  const it = apply(SET_VALUES, o, []) as object;
  for (let r = apply(SET_NEXT, it, []); !r.done; r = apply(SET_NEXT, it, [])) if (each(r.value) === false) return;
}

/** `Object.prototype.toString` of `o` (its `Symbol.toStringTag` is data on the intrinsics, but may be a getter of the script's). */
export function tagOf(o: object): string {
  const tag = findData(o, Symbol.toStringTag);
  // a tag the script defined as a getter would run its code: such an object is not a plain one
  return tag === GETTER ? '[object Getter]' : (apply(OBJECT_TAG, o, []) as string);
}

const GETTER = Symbol('getter');

/** A property's value along the prototype chain, read as data only (a getter gives `GETTER`). */
function findData(o: object, key: PropertyKey): unknown {
  for (let p: object | null = o; p !== null; p = getPrototypeOf(p) as object | null) {
    const d = getOwnPropertyDescriptor(p, key);
    if (d) return 'value' in d ? d.value : GETTER;
  }
  return undefined;
}

/** The class name a value shows: its prototype's own `constructor`'s own `name`, read as data, else `Object`. */
export function className(o: object): string {
  const proto = getPrototypeOf(o) as object | null;
  if (proto === null) return 'Object';
  const ctor = getOwnPropertyDescriptor(proto, 'constructor');
  const fn = ctor && 'value' in ctor ? (ctor.value as unknown) : undefined;
  if (typeof fn !== 'function') return 'Object';
  const name = getOwnPropertyDescriptor(fn, 'name');
  return name && 'value' in name && typeof name.value === 'string' ? name.value : 'Object';
}

/** A function's own `name`, read as data (a `static get name()` is the script's code); a proxy is `(proxy)`. */
export function functionName(f: object): string {
  if (isScriptProxy(f)) return '(proxy)';
  const d = getOwnPropertyDescriptor(f, 'name');
  return d && 'value' in d && typeof d.value === 'string' && d.value !== '' ? d.value : '(anonymous)';
}
