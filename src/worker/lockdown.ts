// Hardened JavaScript, before any script runs: SES's `lockdown()` freezes every shared intrinsic
// (`Object`, `Array.prototype`, `JSON`, `Promise`…) and tames the evaluators, so the compartments
// scripts run in (`executor/confine.ts`) cannot change what the engine, the recorder or the next run
// use. Imported last by each worker entry, after the engine's own modules: some packages assign to
// inherited properties while they load (TypeScript's `__extends` sets `this.constructor`), which a
// frozen `Object.prototype` refuses; no script has run by then, so nothing untrusted saw the
// intrinsics unfrozen.
import './sourceText';
import { builtinFreeze } from './sesFreeze';
import 'ses';

// SES has kept the freeze it hardens with (see sesFreeze.ts); everyone else gets the built-in one
Object.freeze = builtinFreeze;

lockdown({
  // the host's console stays the host's: scripts get the engine's capturing console, never this one
  consoleTaming: 'unsafe',
  // errors the engine reports keep their stacks for whoever debugs the engine; scripts see tamed ones
  errorTaming: 'unsafe',
  // the fewest intrinsics turned into accessors: 'moderate' makes `Array.prototype.push` and the array
  // iterator getters, which costs every script's hot loops (measured by `npm run bench`)
  overrideTaming: 'min',
  stackFiltering: 'verbose',
});

export {};
