// Confinement by construction: each module instance runs in a fresh SES compartment whose global
// object holds the standard library and the module's own globals, and nothing of the host. The host
// has run SES's `lockdown()` before the engine started (`worker/lockdown.ts`), so the intrinsics the
// compartment shares with the engine are frozen: no script can change what the kernel, the recorder
// or the next run use. docs/SECURITY.md says what each layer guarantees.
import { StepgraphError } from '../shared/errors';
import { RUN_CODES } from './errorCodes';
import { noteProxy } from '../tracer/intrinsics';

/** The part of an SES `Compartment` used here. */
interface Compartment {
  /** The compartment's own global object. */
  readonly globalThis: Record<PropertyKey, unknown>;
  /** Evaluates a script in the compartment's global scope (strict, no access to the host's globals). */
  evaluate(source: string): unknown;
}

/** What `import 'ses'` installs on the host's global object. */
interface SesGlobals {
  /** SES's compartment constructor. */
  Compartment?: new (options: { globals: Record<string, unknown>; __options__: true }) => Compartment;
  /** Freezes an object and everything reachable from it. */
  harden?: <T>(value: T) => T;
}

const ses = globalThis as unknown as SesGlobals;

/**
 * The host's own `Error`, taken when the engine's modules load, before `lockdown()` replaces the
 * global one with a tamed constructor. V8 consults this one's `prepareStackTrace`, so no script may
 * reach it; yet classes defined before lockdown (the engine's `StepgraphError`, graphology's errors)
 * inherit from it. `hardenShared` moves them onto the tamed `Error` that compartments share.
 */
const HOST_ERROR = globalThis.Error;

/** The evaluators a script must not get: text compiled there would run untraced and unchecked. */
const REFUSED = ['eval', 'Function'] as const;
/** SES's own tools, which a script has no use for. */
const REMOVED = ['Compartment', 'lockdown', 'harden'] as const;

/**
 * Standard globals that SES leaves out of compartments (because of side channels that do not matter
 * here) but that graph algorithms use. Taken from the host at load, before any script ran; they are
 * shared intrinsics, frozen by `lockdown()`. `Date` is the host's, so `Date.now()` works as in a page.
 */
const EXTRA_STANDARD: Readonly<Record<string, unknown>> = Object.freeze({
  Float32Array: globalThis.Float32Array,
  Float64Array: globalThis.Float64Array,
  Date: globalThis.Date,
});

/** A function a script gets in place of an evaluator: calling it (or `new`) says why it is refused. */
function refusal(name: string): (...args: unknown[]) => never {
  const refuse = function (): never {
    throw new StepgraphError(
      RUN_CODES.FORBIDDEN_FEATURE,
      `executor/sandbox: ${name} is not available to scripts: code built from text would run untraced and unchecked`,
    );
  };
  // `x instanceof Function` still works
  if (name === 'Function') Object.defineProperty(refuse, 'prototype', { value: Function.prototype });
  Object.defineProperty(refuse, 'name', { value: name });
  return Object.freeze(refuse);
}
const REFUSALS = Object.fromEntries(REFUSED.map((n) => [n, refusal(n)]));

/**
 * The `Proxy` a script gets: the intrinsic's behaviour (only `new`, no `prototype`, `revocable`),
 * each proxy noted (`noteProxy`) so that recording never runs its traps (T-INT1).
 */
function notingProxy(): ProxyConstructor {
  const Real = Proxy;
  const make = class {
    constructor(target: object, handler: ProxyHandler<object>) {
      const p = new Real(target, handler);
      noteProxy(p);
      return p;
    }
  };
  const bound = Reflect.apply(Function.prototype.bind, make, [undefined]) as ProxyConstructor;
  Object.defineProperty(bound, 'name', { value: 'Proxy' });
  const methods = {
    revocable(target: object, handler: ProxyHandler<object>) {
      const r = Real.revocable(target, handler);
      noteProxy(r.proxy);
      return r;
    },
  };
  Object.defineProperty(bound, 'revocable', { value: methods.revocable, writable: true, configurable: true });
  return bound;
}
let proxyConstructor: ProxyConstructor | undefined;

/** Makes the global scope of one module instance: `confinedScope`, or a benchmark's stand-in. */
export type ScopeFactory = (globals: Readonly<Record<string, unknown>>) => (source: string) => unknown;

/** True when the host has SES: scripts can be confined. */
export function canConfine(): boolean {
  return typeof ses.Compartment === 'function' && typeof ses.harden === 'function';
}

function compartmentClass(): NonNullable<SesGlobals['Compartment']> {
  if (!ses.Compartment) {
    throw new StepgraphError(
      RUN_CODES.INTERNAL,
      "executor/confine: SES is not loaded in this host (import 'ses' and call lockdown() before the engine)",
    );
  }
  return ses.Compartment;
}

/** Freezes `value` and everything reachable from it (SES `harden`); a shared object given to scripts must be. */
export function harden<T>(value: T): T {
  if (!ses.harden) throw new StepgraphError(RUN_CODES.INTERNAL, 'executor/confine: SES is not loaded in this host');
  return ses.harden(value);
}

/**
 * A fresh global scope for one module instance: the standard library, then `globals` (the module's
 * `graph`, `trace`, `console`…). Every binding on it is read-only, so a script can neither replace a
 * global nor reach one it was not given; it may still add names of its own. Returns a function that
 * evaluates a compiled file there and gives back its entry function.
 */
export function confinedScope(globals: Readonly<Record<string, unknown>>): (source: string) => unknown {
  const Compartment = compartmentClass();
  proxyConstructor ??= harden(notingProxy());
  const c = new Compartment({
    globals: { ...EXTRA_STANDARD, Proxy: proxyConstructor, ...REFUSALS, ...globals },
    __options__: true,
  });
  const g = c.globalThis;
  for (const name of REMOVED) delete g[name];
  for (const key of Reflect.ownKeys(g)) {
    const d = Object.getOwnPropertyDescriptor(g, key);
    // read-only bindings: SES then resolves them as constants, as fast as locals
    if (d && 'value' in d && d.configurable) Object.defineProperty(g, key, { writable: false, configurable: false });
  }
  return (source) => c.evaluate(source);
}

/** The `Error` every compartment has: SES makes it the parent of `TypeError` and the other native errors. */
function sharedError(): ErrorConstructor {
  const shared = Object.getPrototypeOf(TypeError) as ErrorConstructor;
  if (shared === HOST_ERROR) {
    throw new StepgraphError(RUN_CODES.INTERNAL, 'executor/confine: lockdown() has not run in this host');
  }
  return shared;
}

/** Makes `key` of `proto` an accessor whose setter gives the assigning instance its own property. */
function overridable(proto: object, key: PropertyKey, value: unknown, enumerable: boolean): void {
  Object.defineProperty(proto, key, {
    get: () => value,
    set(this: object, v: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${String(key)}'`);
      Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable,
    configurable: false,
  });
}

/**
 * Lets instances still assign a property that their (about to be frozen) prototype holds as data:
 * without it, `this._events = …` in a constructor fails once `EventEmitter.prototype` is frozen (the
 * "override mistake" that SES tames for the intrinsics). Functions stay plain data, as fast as before.
 */
function tolerateOverrides(root: unknown): void {
  const seen = new Set<unknown>();
  const visit = (o: unknown): void => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o) || Object.isFrozen(o)) return;
    seen.add(o);
    if (typeof o === 'function' && Object.getPrototypeOf(o) === HOST_ERROR) Object.setPrototypeOf(o, sharedError());
    const isPrototype = typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, 'constructor');
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key) as PropertyDescriptor;
      if (!('value' in d)) {
        visit(d.get);
        visit(d.set);
        continue;
      }
      visit(d.value);
      if (!isPrototype || typeof d.value === 'function' || !d.writable || !d.configurable) continue;
      overridable(o, key, d.value, d.enumerable ?? false);
    }
    // an error class's constructor assigns `this.message` and `this.name`, which the frozen
    // `Error.prototype` holds as data: its own prototype takes the assignment instead
    if (isPrototype && o instanceof HOST_ERROR) {
      for (const key of ['message', 'name'])
        if (!Object.hasOwn(o, key)) overridable(o, key, Reflect.get(o, key) as unknown, false);
    }
    visit(Object.getPrototypeOf(o));
  };
  visit(root);
}

/**
 * Freezes what runs share and scripts can reach (after moving error classes off the host's `Error`): the allowlisted packages' exports (graphology's
 * classes, whose prototypes every `graph` inherits, and the algorithms) and the engine's error class.
 * Without it, one run could replace `dijkstra.bidirectional` or `Graph.prototype.forEachNeighbor`
 * for every run after it in the same host.
 */
export function hardenShared(shared: ReadonlyArray<unknown>): void {
  // all of it made override-tolerant first: hardening one value freezes what others share (`EventEmitter.prototype`)
  for (const value of shared) tolerateOverrides(value);
  for (const value of shared) harden(value);
}
