import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { StepgraphError, hasCode } from '../shared/errors';
import { CONTEXT_CODES, Context } from './context';
import { DEFAULT_LIMITS, tighten } from './limits';

const thrown = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};
const codeOf = (f: () => void): unknown => (thrown(f) as { code?: unknown } | undefined)?.code;
const stop = (msg = 'test stop'): StepgraphError => new StepgraphError(CONTEXT_CODES.STOPPED, msg);

describe('limits', () => {
  it('[C-LIM1] defaults to 5000 ms and 1,000,000 steps', () => {
    expect(DEFAULT_LIMITS).toEqual({ totalTimeMs: 5000, steps: 1_000_000 });
  });

  it('[C-LIM2] tighten keeps the stricter value of each field; a missing field changes nothing', () => {
    expect(tighten({ totalTimeMs: 5000, steps: 100 }, { totalTimeMs: 300, steps: 1000 })).toEqual({
      totalTimeMs: 300,
      steps: 100,
    });
    expect(tighten({ totalTimeMs: 5000, steps: 100 }, {})).toEqual({ totalTimeMs: 5000, steps: 100 });
    expect(tighten({ totalTimeMs: 5000, steps: 100 }, { steps: 7 })).toEqual({ totalTimeMs: 5000, steps: 7 });
  });

  it('[C-LIM3] a child with a looser limit is refused with CONTEXT_LOOSER_LIMIT naming the limit', () => {
    const clock = new ManualClock();
    const parent = new Context({ totalTimeMs: 1000, steps: 100 }, clock);
    const e = thrown(() => new Context({ totalTimeMs: 1000, steps: 101 }, clock, parent));
    expect(hasCode(e, CONTEXT_CODES.LOOSER_LIMIT)).toBe(true);
    expect((e as StepgraphError).details).toEqual({ limit: 'steps' });
    const t = thrown(() => new Context({ totalTimeMs: 1001, steps: 10 }, clock, parent));
    expect((t as StepgraphError).details).toEqual({ limit: 'totalTimeMs' });
    expect(() => new Context({ totalTimeMs: 1000, steps: 100 }, clock, parent)).not.toThrow();
    expect(() => new Context({ totalTimeMs: 1, steps: 1 }, clock, parent)).not.toThrow();
  });
});

describe('steps and time', () => {
  it('[C-STEP1] a budget of n steps allows exactly n; the charge past it throws LIMIT_STEPS', () => {
    const ctx = new Context({ totalTimeMs: 1000, steps: 10 }, new ManualClock());
    ctx.chargeSteps(4);
    ctx.chargeSteps(6);
    expect(ctx.steps).toBe(10);
    expect(ctx.cancelled).toBeUndefined();
    expect(codeOf(() => ctx.chargeSteps(1))).toBe('LIMIT_STEPS');
    expect(ctx.cancelled?.code).toBe('LIMIT_STEPS');
    expect(ctx.cancelled?.details).toEqual({ limit: 'execution/steps' });
  });

  it('[C-STEP1] a child charges its ancestors too', () => {
    const clock = new ManualClock();
    const root = new Context({ totalTimeMs: 1000, steps: 100 }, clock);
    const child = new Context({ totalTimeMs: 1000, steps: 50 }, clock, root);
    const grandchild = new Context({ totalTimeMs: 1000, steps: 50 }, clock, child);
    grandchild.chargeSteps(30);
    expect([root.steps, child.steps, grandchild.steps]).toEqual([30, 30, 30]);
    root.chargeSteps(5);
    expect([root.steps, child.steps, grandchild.steps]).toEqual([35, 30, 30]);
  });

  it("[C-STEP2] when an ancestor's budget runs out, that ancestor and all its descendants are cancelled", () => {
    const clock = new ManualClock();
    const root = new Context({ totalTimeMs: 1000, steps: 10 }, clock);
    const a = new Context({ totalTimeMs: 1000, steps: 10 }, clock, root);
    const b = new Context({ totalTimeMs: 1000, steps: 10 }, clock, root);
    a.chargeSteps(6);
    expect(codeOf(() => b.chargeSteps(6))).toBe('LIMIT_STEPS');
    expect(root.cancelled?.code).toBe('LIMIT_STEPS');
    expect(a.cancelled?.code).toBe('LIMIT_STEPS');
    expect(codeOf(() => a.check())).toBe('LIMIT_STEPS');
  });

  it('[C-TIME1] check throws LIMIT_TIME once more than totalTimeMs has passed on the clock', () => {
    const clock = new ManualClock(100);
    const ctx = new Context({ totalTimeMs: 300, steps: 10 }, clock);
    clock.advance(120);
    expect(ctx.remainingMs()).toBe(180);
    clock.advance(180);
    expect(() => ctx.check()).not.toThrow();
    expect(ctx.remainingMs()).toBe(0);
    clock.advance(1);
    const e = thrown(() => ctx.check());
    expect(hasCode(e, 'LIMIT_TIME')).toBe(true);
    expect((e as StepgraphError).details).toEqual({ limit: 'execution/total-time' });
    expect(ctx.remainingMs()).toBe(0);
  });

  it("[C-TIME1] an ancestor's time limit applies to a child, and cancels the ancestor", () => {
    const clock = new ManualClock();
    const root = new Context({ totalTimeMs: 100, steps: 10 }, clock);
    clock.advance(60);
    const child = new Context({ totalTimeMs: 100, steps: 10 }, clock, root);
    expect(child.remainingMs()).toBe(40);
    clock.advance(41);
    expect(codeOf(() => child.check())).toBe('LIMIT_TIME');
    expect(root.cancelled?.code).toBe('LIMIT_TIME');
  });

  it('[C-STOP1] check throws STOPPED when the stop flag of the context or an ancestor is set', () => {
    const clock = new ManualClock();
    let flag = false;
    const root = new Context(DEFAULT_LIMITS, clock, undefined, () => flag);
    const child = new Context(DEFAULT_LIMITS, clock, root);
    expect(() => child.check()).not.toThrow();
    flag = true;
    expect(codeOf(() => child.check())).toBe('STOPPED');
    expect(root.cancelled?.code).toBe('STOPPED');
  });
});

describe('cancellation and teardown', () => {
  it('[C-CAN1] cancel cascades to every descendant; a child of a cancelled parent is born cancelled', () => {
    const clock = new ManualClock();
    const root = new Context(DEFAULT_LIMITS, clock);
    const child = new Context(DEFAULT_LIMITS, clock, root);
    const grandchild = new Context(DEFAULT_LIMITS, clock, child);
    const why = stop();
    child.cancel(why);
    expect(root.cancelled).toBeUndefined();
    expect(child.cancelled).toBe(why);
    expect(grandchild.cancelled).toBe(why);
    const late = new Context(DEFAULT_LIMITS, clock, child);
    expect(late.cancelled).toBe(why);
  });

  it('[C-CAN2] once cancelled, check and chargeSteps throw the first reason, which a later cancel keeps', () => {
    const ctx = new Context(DEFAULT_LIMITS, new ManualClock());
    const first = stop('first');
    ctx.cancel(first);
    ctx.cancel(stop('second'));
    expect(thrown(() => ctx.check())).toBe(first);
    expect(thrown(() => ctx.chargeSteps(1))).toBe(first);
  });

  it("[C-CAN3] a released child no longer receives its parent's cancellation", () => {
    const clock = new ManualClock();
    const root = new Context(DEFAULT_LIMITS, clock);
    const child = new Context(DEFAULT_LIMITS, clock, root);
    child.release();
    root.cancel(stop());
    expect(child.cancelled).toBeUndefined();
  });

  it('[C-TD1] teardown tasks run once, in order, and a throwing one skips none', () => {
    const clock = new ManualClock();
    const root = new Context(DEFAULT_LIMITS, clock);
    const child = new Context(DEFAULT_LIMITS, clock, root);
    const ran: string[] = [];
    root.onTeardown(() => ran.push('root 1'));
    root.onTeardown(() => {
      ran.push('root 2');
      throw new Error('teardown failed');
    });
    root.onTeardown(() => ran.push('root 3'));
    child.onTeardown(() => ran.push('child'));
    root.cancel(stop());
    root.cancel(stop());
    expect(ran).toEqual(['child', 'root 1', 'root 2', 'root 3']);
    root.onTeardown(() => ran.push('late'));
    expect(ran).toEqual(['child', 'root 1', 'root 2', 'root 3', 'late']);
  });

  it('[C-TD1] a teardown that cancels again does not run the tasks twice', () => {
    const ctx = new Context(DEFAULT_LIMITS, new ManualClock());
    let runs = 0;
    ctx.onTeardown(() => {
      runs++;
      ctx.cancel(stop('again'));
    });
    ctx.cancel(stop());
    expect(runs).toBe(1);
  });
});
