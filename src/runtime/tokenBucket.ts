import type { Clock } from '../shared/clock';

/** Refill is fractional: a hair below a whole token (float rounding) counts as the token. */
const EPSILON = 1e-9;

/**
 * A token bucket (after Inox's limiters): at most `capacity` tokens, refilled at `ratePerMs`
 * lazily, from the injected clock, whenever the bucket is read. A rate of 0 makes a total or a
 * depleting budget (CPU time, steps, simultaneous modules).
 */
export class TokenBucket {
  private level: number;
  private at: number;

  constructor(
    /** Most tokens the bucket holds; it starts full. */
    readonly capacity: number,
    /** Tokens added per millisecond (0: never refilled). */
    readonly ratePerMs: number,
    private readonly clock: Clock,
  ) {
    if (!(capacity >= 0) || !(ratePerMs >= 0)) throw new RangeError('runtime/TokenBucket: negative capacity or rate');
    this.level = capacity;
    this.at = clock.now();
  }

  /** Tokens in the bucket now. */
  get tokens(): number {
    this.refill();
    return this.level;
  }

  /** Takes `n` tokens if they are all there; otherwise takes nothing. */
  tryTake(n: number): boolean {
    this.refill();
    if (!(n >= 0) || n > this.level + EPSILON) return false;
    this.level = Math.max(0, this.level - n);
    return true;
  }

  /** Takes up to `n` tokens; returns how many were missing (0 when all were there). */
  drain(n: number): number {
    this.refill();
    const took = Math.min(this.level, Math.max(0, n));
    this.level -= took;
    return Math.max(0, n) - took;
  }

  /** Puts `n` tokens back (a released resource); never above capacity. */
  give(n: number): void {
    this.refill();
    this.level = Math.min(this.capacity, this.level + Math.max(0, n));
  }

  /** Milliseconds until `n` tokens are there: 0 if they are, Infinity if they never will be. */
  timeUntil(n: number): number {
    const missing = n - this.tokens;
    if (missing <= EPSILON) return 0;
    if (this.ratePerMs === 0 || n > this.capacity) return Infinity;
    // whole milliseconds, rounded up: a waiter woken a fraction early would wait again for nothing
    return Math.ceil(missing / this.ratePerMs);
  }

  private refill(): void {
    const now = this.clock.now();
    if (now > this.at && this.ratePerMs > 0) {
      this.level = Math.min(this.capacity, this.level + (now - this.at) * this.ratePerMs);
    }
    this.at = Math.max(this.at, now);
  }
}
