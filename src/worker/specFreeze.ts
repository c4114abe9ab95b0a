// `Object.freeze` as the language defines it (SetIntegrityLevel "frozen"): no new properties; every
// own property non-configurable, and non-writable when it holds a value. Done one property at a
// time, so V8 does not mark the object's elements read-only as its built-in freeze does (see
// sesFreeze.ts for why that matters). Throws where the built-in throws: a Proxy that refuses, a
// typed array with elements.
const { preventExtensions, defineProperty } = Object;
const { ownKeys, getOwnPropertyDescriptor } = Reflect;

export function specFreeze<T>(o: T): T {
  if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return o;
  preventExtensions(o);
  for (const key of ownKeys(o)) {
    const d = getOwnPropertyDescriptor(o, key);
    if (d) defineProperty(o, key, 'value' in d ? { configurable: false, writable: false } : { configurable: false });
  }
  return o;
}
