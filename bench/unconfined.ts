import type { ScopeFactory } from '../src/executor/confine';

/**
 * How scripts were evaluated before confinement: the compiled code inside a host `Function` whose
 * parameters are the module's globals, the standard library being the host's own. The benchmark's
 * "before" column; no host uses it.
 */
export const unconfined: ScopeFactory = (globals) => (source) => {
  const names = Object.keys(globals);
  // eslint-disable-next-line no-new-func -- measuring the old, unconfined evaluation is the point
  const make = new Function(...names, `"use strict";\nreturn (${source});`);
  return make(...names.map((n) => globals[n])) as unknown;
};
