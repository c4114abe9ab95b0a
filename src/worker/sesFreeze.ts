// Imported by `lockdown.ts` just before SES, which keeps the `Object.freeze` it finds when it loads
// and freezes every intrinsic it hardens with it. This gives it `specFreeze`: the same frozen
// objects (`Object.isFrozen` is true), without V8's read-only mark on their elements. With that
// mark on `Object.prototype`, every typed-array store checks the prototype chain and runs about four
// times slower, and the recorder is made of typed-array stores (`npm run bench` measures it).
// `lockdown.ts` puts the built-in `Object.freeze` back before any script exists.
import { specFreeze } from './specFreeze';

/** The built-in `Object.freeze`, put back by `lockdown.ts`. */
export const builtinFreeze = Object.freeze;

Object.freeze = specFreeze as typeof Object.freeze;
