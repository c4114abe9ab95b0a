// Closes the ways a script could build code from text, which would reach the worker's own globals
// past the names the executor shadows: `eval`, and the `constructor` of every kind of function
// (`(function () {}).constructor('return this')()`). The engine builds a script with the `Function`
// it captured when it loaded, never through these. Imported by each worker entry, before the engine
// runs anything.
import { NoFunctionFromText } from '../executor/layers';

const kinds = [function () {}, async function () {}, function* () {}, async function* () {}].map(
  (f) => Object.getPrototypeOf(f) as object,
);

for (const proto of kinds) {
  Object.defineProperty(proto, 'constructor', { value: NoFunctionFromText, writable: false, configurable: false });
}
Object.defineProperty(globalThis, 'eval', {
  value: () => {
    throw new EvalError('executor/sandbox: a script may not build code from text (Function, eval)');
  },
  writable: false,
  configurable: false,
});

export {};
