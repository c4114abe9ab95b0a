import type { Millis } from './brand';

/** A source of monotonic time, injected so that the core never reads ambient clocks. */
export interface Clock {
  /** Milliseconds since an arbitrary origin; never decreases. */
  now(): Millis;
}

/** A clock moved by hand, for tests and deterministic simulation. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = 0) {
    this.t = start;
  }
  now(): Millis {
    return this.t as Millis;
  }
  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.t += ms;
  }
  /** Sets the time; it may not go backward. */
  set(ms: number): void {
    if (ms < this.t) throw new Error('shared/ManualClock: time cannot go backward');
    this.t = ms;
  }
}
