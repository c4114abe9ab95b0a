import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { TokenBucket } from './tokenBucket';

/** One thing done to a bucket in a property run. */
type Op =
  { op: 'take'; n: number } | { op: 'drain'; n: number } | { op: 'give'; n: number } | { op: 'wait'; ms: number };

const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('take' as const), n: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ op: fc.constant('drain' as const), n: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ op: fc.constant('give' as const), n: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  ),
  { maxLength: 60 },
);

describe('TokenBucket', () => {
  it('[C-TB1] [C-TB2] property: never negative, never above capacity, whatever is done to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        ops,
        (cap, rate, list) => {
          const clock = new ManualClock();
          const b = new TokenBucket(cap, rate, clock);
          for (const o of list) {
            if (o.op === 'take') b.tryTake(o.n);
            else if (o.op === 'drain') b.drain(o.n);
            else if (o.op === 'give') b.give(o.n);
            else clock.advance(o.ms);
            expect(b.tokens).toBeGreaterThanOrEqual(0);
            expect(b.tokens).toBeLessThanOrEqual(cap);
          }
        },
      ),
    );
  });

  it('[C-TB4] [C-TB3] property: without refill, tokens held plus tokens out equals the capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), ops, (cap, list) => {
        const clock = new ManualClock();
        const b = new TokenBucket(cap, 0, clock);
        // tokens taken and not yet given back, as a holder would count them
        let out = 0;
        for (const o of list) {
          if (o.op === 'take') {
            const before = b.tokens;
            const took = b.tryTake(o.n);
            // all or nothing
            expect(b.tokens).toBe(took ? before - o.n : before);
            if (took) out += o.n;
          } else if (o.op === 'drain') {
            const before = b.tokens;
            const missing = b.drain(o.n);
            expect(missing).toBe(Math.max(0, o.n - before));
            out += o.n - missing;
          } else if (o.op === 'give') {
            // a holder only gives back what it holds
            const n = Math.min(o.n, out);
            b.give(n);
            out -= n;
          } else clock.advance(o.ms);
          expect(b.tokens + out).toBe(cap);
        }
      }),
    );
  });

  it('[C-TB2] refills lazily from the clock, at its rate, up to capacity', () => {
    const clock = new ManualClock();
    const b = new TokenBucket(5, 1 / 1000, clock);
    expect(b.tryTake(5)).toBe(true);
    expect(b.tokens).toBe(0);
    clock.advance(2000);
    expect(b.tokens).toBe(2);
    clock.advance(60_000);
    expect(b.tokens).toBe(5);
  });

  it('[C-TB3] tryTake takes all or nothing; give is capped at capacity; drain returns the shortfall', () => {
    const b = new TokenBucket(3, 0, new ManualClock());
    expect(b.tryTake(4)).toBe(false);
    expect(b.tokens).toBe(3);
    expect(b.tryTake(2)).toBe(true);
    b.give(10);
    expect(b.tokens).toBe(3);
    expect(b.drain(5)).toBe(2);
    expect(b.tokens).toBe(0);
  });

  it('[C-TB5] timeUntil: 0 when there, the refill time otherwise, Infinity when never', () => {
    const clock = new ManualClock();
    const rate = new TokenBucket(2, 1 / 500, clock);
    expect(rate.timeUntil(2)).toBe(0);
    rate.tryTake(2);
    expect(rate.timeUntil(1)).toBe(500);
    expect(rate.timeUntil(3)).toBe(Infinity);
    const total = new TokenBucket(1, 0, clock);
    total.tryTake(1);
    expect(total.timeUntil(1)).toBe(Infinity);
  });

  it('[C-TB1] refuses a negative capacity or rate', () => {
    expect(() => new TokenBucket(-1, 0, new ManualClock())).toThrow(RangeError);
    expect(() => new TokenBucket(1, -1, new ManualClock())).toThrow(RangeError);
  });
});
