// Imported by `lockdown.ts` just before SES, which keeps the `Object.freeze` it finds when it loads
// and uses it for every intrinsic it hardens. This one freezes exactly as the language defines
// `Object.freeze` (SetIntegrityLevel: no new properties; every property non-configurable, and
// non-writable when it holds a value), one property at a time. The result is the same frozen object
// (`Object.isFrozen` is true), but V8 does not mark its elements read-only, which V8's own freeze does:
// once `Object.prototype` has read-only elements, every typed-array store checks the prototype chain
// and runs about four times slower, and the recorder is made of typed-array stores (`npm run bench`
// measures it). `lockdown.ts` puts the built-in `Object.freeze` back before scripts exist.
const { preventExtensions, defineProperty } = Object;
const { ownKeys, getOwnPropertyDescriptor } = Reflect;

/** The built-in `Object.freeze`, put back by `lockdown.ts`. */
export const builtinFreeze = Object.freeze;

function freeze<T>(o: T): T {
  if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return o;
  // throws where `Object.freeze` throws (a Proxy that refuses), as the built-in does
  if (!Reflect.preventExtensions(o)) preventExtensions(o);
  for (const key of ownKeys(o)) {
    const d = getOwnPropertyDescriptor(o, key);
    if (d) defineProperty(o, key, 'value' in d ? { configurable: false, writable: false } : { configurable: false });
  }
  return o;
}

Object.freeze = freeze as typeof Object.freeze;
