import type { Recorder } from './recorder';

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
    return value;
  }

  /** `frame` resumed after an `await` or `yield`; passes the value it resumed with through. */
  r(frame: number, value: unknown): unknown {
    this.rec.lastFrame = frame;
    return value;
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
