import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { StepgraphError, hasCode } from '../shared/errors';
import { CONTEXT_CODES, Context } from './context';
import { DEFAULT_LIMITS, LIMIT_KINDS, tighten, type LimitName } from './limits';
import { limitError } from './codes';
import { RUN_ERROR_KINDS, type RunErrorCode } from '../protocol/codes';

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
/** A context with a total-time and a step limit. */
const make = (l: { totalTimeMs: number; steps: number }, clock: ManualClock, parent?: Context): Context =>
  new Context({
    limits: { 'execution/total-time': l.totalTimeMs, 'execution/steps': l.steps },
    clock,
    ...(parent ? { parent } : {}),
  });

describe('limits', () => {
  it('[C-LIM1] defaults to 5000 ms, 1,000,000 steps, 10 requests per second, 16 child modules and the output, graph and trace budgets', () => {
    expect(DEFAULT_LIMITS).toEqual({
      'execution/total-time': 5000,
      'execution/steps': 1_000_000,
      'net/requests': 10,
      'modules/simultaneous': 16,
      'graph/operations': 2_000_000,
      'trace/bytes': 256 * 1024 * 1024,
      'output/lines': 100_000,
      'output/chars': 8_000_000,
    });
  });

  it('[C-LIM5] every limit trips with its own code, and only limits of one kind share one', () => {
    const codes = Object.keys(LIMIT_KINDS).map((name) => limitError(name as LimitName, 1).code);
    for (const code of codes) expect(RUN_ERROR_KINDS[code as RunErrorCode]).toBe('limit');
    const byCode = new Map<string, string[]>();
    for (const name of Object.keys(LIMIT_KINDS)) {
      const code = limitError(name as LimitName, 1).code;
      byCode.set(code, [...(byCode.get(code) ?? []), name]);
    }
    // only the two rates and the two output windows share a code; every other limit has its own
    const shared = [...byCode.values()].filter((names) => names.length > 1);
    expect(shared).toEqual([
      ['net/requests', 'net/bytes'],
      ['output/lines', 'output/chars'],
    ]);
    expect(limitError('graph/operations', 5)).toMatchObject({
      code: 'LIMIT_GRAPH_OPS',
      details: { limit: 'graph/operations' },
    });
    expect(limitError('trace/bytes', 5).code).toBe('LIMIT_TRACE_MEMORY');
    expect(() => limitError('made/up' as LimitName, 1)).toThrow(/unexpected limit made\/up/);
  });

  it('[C-LIM6] a depleting budget charged past its limit cancels the context with its code, in the ancestors too', () => {
    const clock = new ManualClock();
    const root = new Context({ clock, limits: { 'graph/operations': 10 } });
    const child = new Context({ parent: root, limits: { 'trace/bytes': 100 } });
    expect(child.charge('graph/operations', 10)).toBe(true);
    expect(child.charge('trace/bytes', 101)).toBe(false);
    expect(child.cancelled?.code).toBe('LIMIT_TRACE_MEMORY');
    expect(root.cancelled).toBeUndefined();
    const other = new Context({ parent: root });
    expect(other.charge('graph/operations', 1)).toBe(false);
    expect(root.cancelled?.code).toBe('LIMIT_GRAPH_OPS');
    expect(root.usage).toMatchObject({ graphOps: 11, traceBytes: 101 });
  });

  it('[C-LIM2] tighten keeps the stricter value of each field; a missing field changes nothing', () => {
    const a = { 'execution/total-time': 5000, 'execution/steps': 100 };
    expect(tighten(a, { 'execution/total-time': 300, 'execution/steps': 1000 })).toEqual({
      'execution/total-time': 300,
      'execution/steps': 100,
    });
    expect(tighten(a, {})).toEqual(a);
    expect(tighten(a, { 'execution/steps': 7 })).toEqual({ 'execution/total-time': 5000, 'execution/steps': 7 });
    expect(tighten(a, { 'net/requests': 2 })).toEqual({ ...a, 'net/requests': 2 });
  });

  it('[C-LIM3] a child with a looser limit is refused with CONTEXT_LOOSER_LIMIT naming the limit', () => {
    const clock = new ManualClock();
    const parent = make({ totalTimeMs: 1000, steps: 100 }, clock);
    const e = thrown(() => make({ totalTimeMs: 1000, steps: 101 }, clock, parent));
    expect(hasCode(e, CONTEXT_CODES.LOOSER_LIMIT)).toBe(true);
    expect((e as StepgraphError).details).toEqual({ limit: 'execution/steps' });
    const t = thrown(() => make({ totalTimeMs: 1001, steps: 10 }, clock, parent));
    expect((t as StepgraphError).details).toEqual({ limit: 'execution/total-time' });
    expect(() => make({ totalTimeMs: 1000, steps: 100 }, clock, parent)).not.toThrow();
    expect(() => make({ totalTimeMs: 1, steps: 1 }, clock, parent)).not.toThrow();
  });
});

describe('steps and time', () => {
  it('[C-STEP1] a budget of n steps allows exactly n; the charge past it throws LIMIT_STEPS', () => {
    const c = make({ totalTimeMs: 1000, steps: 10 }, new ManualClock());
    c.chargeSteps(4);
    c.chargeSteps(6);
    expect(c.steps).toBe(10);
    expect(c.cancelled).toBeUndefined();
    expect(codeOf(() => c.chargeSteps(1))).toBe('LIMIT_STEPS');
    expect(c.cancelled?.code).toBe('LIMIT_STEPS');
    expect(c.cancelled?.details).toEqual({ limit: 'execution/steps' });
  });

  it('[C-STEP1] a child charges its ancestors too', () => {
    const clock = new ManualClock();
    const root = make({ totalTimeMs: 1000, steps: 100 }, clock);
    const child = make({ totalTimeMs: 1000, steps: 50 }, clock, root);
    const grandchild = make({ totalTimeMs: 1000, steps: 50 }, clock, child);
    grandchild.chargeSteps(30);
    expect([root.steps, child.steps, grandchild.steps]).toEqual([30, 30, 30]);
    root.chargeSteps(5);
    expect([root.steps, child.steps, grandchild.steps]).toEqual([35, 30, 30]);
  });

  it("[C-STEP2] when an ancestor's budget runs out, that ancestor and all its descendants are cancelled", () => {
    const clock = new ManualClock();
    const root = make({ totalTimeMs: 1000, steps: 10 }, clock);
    const a = make({ totalTimeMs: 1000, steps: 10 }, clock, root);
    const b = make({ totalTimeMs: 1000, steps: 10 }, clock, root);
    a.chargeSteps(6);
    expect(codeOf(() => b.chargeSteps(6))).toBe('LIMIT_STEPS');
    expect(root.cancelled?.code).toBe('LIMIT_STEPS');
    expect(a.cancelled?.code).toBe('LIMIT_STEPS');
    expect(codeOf(() => a.check())).toBe('LIMIT_STEPS');
  });

  it('[C-TIME1] check throws LIMIT_TIME once more than totalTimeMs has passed on the clock', () => {
    const clock = new ManualClock(100);
    const c = make({ totalTimeMs: 300, steps: 10 }, clock);
    clock.advance(120);
    expect(c.remainingMs()).toBe(180);
    clock.advance(180);
    expect(() => c.check()).not.toThrow();
    expect(c.remainingMs()).toBe(0);
    clock.advance(1);
    const e = thrown(() => c.check());
    expect(hasCode(e, 'LIMIT_TIME')).toBe(true);
    expect((e as StepgraphError).details).toEqual({ limit: 'execution/total-time' });
    expect(c.remainingMs()).toBe(0);
  });

  it("[C-TIME1] an ancestor's time limit applies to a child, and cancels the ancestor", () => {
    const clock = new ManualClock();
    const root = make({ totalTimeMs: 100, steps: 10 }, clock);
    clock.advance(60);
    const child = make({ totalTimeMs: 100, steps: 10 }, clock, root);
    expect(child.remainingMs()).toBe(40);
    clock.advance(41);
    expect(codeOf(() => child.check())).toBe('LIMIT_TIME');
    expect(root.cancelled?.code).toBe('LIMIT_TIME');
  });

  it('[C-STOP1] check throws STOPPED when the stop flag of the context or an ancestor is set', () => {
    const clock = new ManualClock();
    let flag = false;
    const root = new Context({ limits: DEFAULT_LIMITS, clock, stop: () => flag });
    const child = new Context({ limits: DEFAULT_LIMITS, clock, parent: root });
    expect(() => child.check()).not.toThrow();
    flag = true;
    expect(codeOf(() => child.check())).toBe('STOPPED');
    expect(root.cancelled?.code).toBe('STOPPED');
  });
});

describe('cancellation and teardown', () => {
  it('[C-CAN1] cancel cascades to every descendant; a child of a cancelled parent is born cancelled', () => {
    const clock = new ManualClock();
    const root = new Context({ limits: DEFAULT_LIMITS, clock });
    const child = new Context({ limits: DEFAULT_LIMITS, clock, parent: root });
    const grandchild = new Context({ limits: DEFAULT_LIMITS, clock, parent: child });
    const why = stop();
    child.cancel(why);
    expect(root.cancelled).toBeUndefined();
    expect(child.cancelled).toBe(why);
    expect(grandchild.cancelled).toBe(why);
    const late = new Context({ limits: DEFAULT_LIMITS, clock, parent: child });
    expect(late.cancelled).toBe(why);
  });

  it('[C-CAN2] once cancelled, check and chargeSteps throw the first reason, which a later cancel keeps', () => {
    const c = new Context({ limits: DEFAULT_LIMITS, clock: new ManualClock() });
    const first = stop('first');
    c.cancel(first);
    c.cancel(stop('second'));
    expect(thrown(() => c.check())).toBe(first);
    expect(thrown(() => c.chargeSteps(1))).toBe(first);
  });

  it("[C-CAN3] a released child no longer receives its parent's cancellation", () => {
    const clock = new ManualClock();
    const root = new Context({ limits: DEFAULT_LIMITS, clock });
    const child = new Context({ limits: DEFAULT_LIMITS, clock, parent: root });
    child.release();
    root.cancel(stop());
    expect(child.cancelled).toBeUndefined();
  });

  it('[C-TD1] teardown tasks run once, in order, and a throwing one skips none', () => {
    const clock = new ManualClock();
    const root = new Context({ limits: DEFAULT_LIMITS, clock });
    const child = new Context({ limits: DEFAULT_LIMITS, clock, parent: root });
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
    const c = new Context({ limits: DEFAULT_LIMITS, clock: new ManualClock() });
    let runs = 0;
    c.onTeardown(() => {
      runs++;
      c.cancel(stop('again'));
    });
    c.cancel(stop());
    expect(runs).toBe(1);
  });

  it('[C-TD1] an unregistered teardown task does not run', () => {
    const c = new Context({ clock: new ManualClock() });
    const ran: string[] = [];
    const off = c.onTeardown(() => ran.push('off'));
    c.onTeardown(() => ran.push('on'));
    off();
    c.cancel(stop());
    expect(ran).toEqual(['on']);
  });
});
