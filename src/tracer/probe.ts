import type { Recorder } from './recorder';
import { afterCall, afterDelete, afterPut, resync, sizeBefore } from './mutations';

/** What a probe needs from the module instance it belongs to. */
export interface ProbeHost {
  /** The module instance id. */
  readonly module: number;
  /** Called every `checkEvery` steps, at the step cap and after an abort, with the number of steps including the one about to run; throws to stop the module. */
  check(steps: number): void;
  /** Run-wide step cap: `check` is called before step `stepCap + 1` would be recorded. */
  readonly stepCap: number;
  /** Steps between two checks (a power of two). */
  readonly checkEvery: number;
  /** Loads another module's exports (allowlisted package or playground file). */
  load(specifier: string): Promise<object>;
  /** The module's exports object. */
  readonly exports: Record<string, unknown>;
  /** The error that stopped the run, once it is stopped. */
  aborted(): unknown;
  /** Called when a frame of this module resumes after an `await` or `yield`: the host charges the CPU time that follows to this module. */
  resumed?(): void;
  /** The module's code is about to wait at an `await` or `yield`: what comes next is not its own running. */
  paused?(): void;
}

/**
 * The `__sg` object that instrumented code calls. Its methods are short so the engine inlines
 * them: a step writes two integers and compares one counter.
 */
export class Probe {
  private nextCheck: number;

  constructor(
    private readonly rec: Recorder,
    private readonly host: ProbeHost,
  ) {
    this.nextCheck = Math.min(host.checkEvery, host.stepCap);
  }

  /** Makes the next step call `check` (which throws once the module is stopped). */
  abort(): void {
    this.nextCheck = 0;
  }

  /** A statement is about to run in `frame`. */
  s(statement: number, frame: number): void {
    if (this.rec.stepCount >= this.nextCheck) this.slow();
    this.rec.step(statement, frame);
  }

  private slow(): void {
    const count = this.rec.stepCount;
    this.nextCheck = Math.min(count + this.host.checkEvery, this.host.stepCap);
    try {
      this.host.check(count + 1);
    } catch (e) {
      this.nextCheck = 0;
      throw e;
    }
  }

  /** Variable `slot` of `frame` was written. */
  v(slot: number, frame: number, value: unknown): void {
    this.rec.write(slot, frame, value);
  }

  /** A function was entered; returns its frame. */
  enter(name: number): number {
    return this.rec.frame(name, this.host.module, false);
  }

  /** A function's frame returns or throws (instrumented as `finally`). */
  x(frame: number): void {
    this.rec.exit(frame);
  }

  /** `frame` is about to wait at an `await` or `yield`; passes the awaited value through. */
  w(frame: number, value?: unknown): unknown {
    this.rec.exit(frame);
    this.host.paused?.();
    return value;
  }

  /** `frame` resumed after an `await` or `yield`; passes the value it resumed with through. */
  r(frame: number, value: unknown): unknown {
    this.rec.lastFrame = frame;
    this.host.resumed?.();
    return value;
  }

  /**
   * `o.m(a…)` for a method named like a mutator (`push`, `set`, `add`, `delete`…): calls it exactly as
   * written (`o` and `o.m` were evaluated by the caller, in order) and records what it did to `o`
   * when `o` is a tracked collection. `site` names the callee for the error when it is not a function.
   */
  c0(site: number, o: unknown, fn: unknown): unknown {
    if (typeof fn !== 'function') this.notAFunction(site);
    const id = this.rec.store.idOf(o);
    if (id < 0) return (fn as () => unknown).call(o);
    const before = sizeBefore(this.rec.store, id, o as object);
    const r = (fn as () => unknown).call(o);
    afterCall(this.rec.store, id, o as object, fn, before, r, 0);
    return r;
  }

  /** One-argument `o.m(a)`: see `c0`. */
  c1(site: number, o: unknown, fn: unknown, a: unknown): unknown {
    if (typeof fn !== 'function') this.notAFunction(site);
    const id = this.rec.store.idOf(o);
    if (id < 0) return (fn as (a: unknown) => unknown).call(o, a);
    const before = sizeBefore(this.rec.store, id, o as object);
    const r = (fn as (a: unknown) => unknown).call(o, a);
    afterCall(this.rec.store, id, o as object, fn, before, r, 1, a);
    return r;
  }

  /** Two-argument `o.m(a, b)`: see `c0`. */
  c2(site: number, o: unknown, fn: unknown, a: unknown, b: unknown): unknown {
    if (typeof fn !== 'function') this.notAFunction(site);
    const id = this.rec.store.idOf(o);
    if (id < 0) return (fn as (a: unknown, b: unknown) => unknown).call(o, a, b);
    const before = sizeBefore(this.rec.store, id, o as object);
    const r = (fn as (a: unknown, b: unknown) => unknown).call(o, a, b);
    afterCall(this.rec.store, id, o as object, fn, before, r, 2, a, b);
    return r;
  }

  /** Any other arity, spread arguments included: see `c0`. */
  cn(site: number, o: unknown, fn: unknown, ...args: unknown[]): unknown {
    if (typeof fn !== 'function') this.notAFunction(site);
    const id = this.rec.store.idOf(o);
    if (id < 0) return (fn as (...a: unknown[]) => unknown).apply(o, args);
    const before = sizeBefore(this.rec.store, id, o as object);
    const r = (fn as (...a: unknown[]) => unknown).apply(o, args);
    afterCall(this.rec.store, id, o as object, fn, before, r, args.length, undefined, undefined, args);
    return r;
  }

  private notAFunction(site: number): never {
    throw new TypeError(`${this.rec.tables.names[site] ?? 'expression'} is not a function`);
  }

  /** `o[k] = v`, evaluated in the same order; records it when `o` is tracked. Returns `v`. */
  p(o: unknown, k: PropertyKey, v: unknown): unknown {
    const id = this.rec.store.idOf(o);
    (o as Record<PropertyKey, unknown>)[k] = v;
    if (id >= 0) afterPut(this.rec.store, id, o as object, k);
    return v;
  }

  /**
   * A destructuring target standing for `o[k]` (`[o[k]] = xs` → `[__sg.sink(o, k).v] = xs`): assigning
   * its `v` is `o[k] = value`, recorded. Made per target and never handed to the script.
   */
  sink(o: unknown, k: PropertyKey): { v: unknown } {
    const put = (v: unknown): unknown => this.p(o, k, v);
    return {
      set v(value: unknown) {
        put(value);
      },
    } as { v: unknown };
  }

  /** `delete o[k]`; records it when `o` is tracked. */
  d(o: unknown, k: PropertyKey): boolean {
    const id = this.rec.store.idOf(o);
    const r = delete (o as Record<PropertyKey, unknown>)[k];
    if (id >= 0 && r) afterDelete(this.rec.store, id, o as object, k);
    return r;
  }

  /** ToNumeric, as `x++` applies it. */
  num(x: unknown): number | bigint {
    return typeof x === 'bigint' ? x : +(x as number);
  }

  /** `n + delta` for a number or a bigint, as `++` and `--` compute it. */
  inc(n: number | bigint, delta: number): number | bigint {
    return typeof n === 'bigint' ? n + BigInt(delta) : n + delta;
  }

  /** Records the whole content of `o` again, after a change the instrumenter could not describe. */
  y(o: unknown): void {
    const id = this.rec.store.idOf(o);
    if (id >= 0) resync(this.rec.store, id, o as object, 0);
  }

  /** The module body starts; returns its frame. */
  module(name: number): number {
    return this.rec.frame(name, this.host.module, true);
  }

  /** First line of every catch block: a stopped run cannot be caught by user code. */
  rethrow(caught: unknown): void {
    const stop = this.host.aborted();
    if (stop !== undefined) throw stop;
    void caught;
  }

  /** A regular expression literal whose text SES refuses on sight (`/import(x)/`), made from its source and flags. */
  re(source: string, flags: string): RegExp {
    return new RegExp(source, flags);
  }

  /** `import … from spec`. */
  import(specifier: string): Promise<object> {
    return this.host.load(specifier);
  }

  /** Defines the module's exports as live getters. */
  exports(getters: Record<string, () => unknown>): void {
    for (const [name, get] of Object.entries(getters)) {
      Object.defineProperty(this.host.exports, name, { get, enumerable: true, configurable: true });
    }
  }

  /** `export * from …`. */
  reexport(from: object): void {
    for (const name of Object.keys(from)) {
      if (name === 'default' || name in this.host.exports) continue;
      Object.defineProperty(this.host.exports, name, {
        get: () => (from as Record<string, unknown>)[name],
        enumerable: true,
      });
    }
  }
}
