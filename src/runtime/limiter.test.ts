import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { StepgraphError } from '../shared/errors';
import { Context, CONTEXT_CODES } from './context';
import { FakeTimers } from '../../test/fakeTimers';

const stop = (): StepgraphError => new StepgraphError(CONTEXT_CODES.STOPPED, 'stop');

describe('frequency limits', () => {
  it('[C-RATE1] a take on an empty bucket waits for the refill; waiters are served first in, first out', async () => {
    const t = new FakeTimers();
    const c = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/requests': 2 } });
    const done: string[] = [];
    const take = (name: string): Promise<void> => c.take('net/requests').then(() => void done.push(name));
    await Promise.all([take('a'), take('b')]);
    const later = [take('c'), take('d'), take('e')];
    await t.advance(499);
    expect(done).toEqual(['a', 'b']);
    await t.advance(1);
    expect(done).toEqual(['a', 'b', 'c']);
    await t.advance(500);
    expect(done).toEqual(['a', 'b', 'c', 'd']);
    await t.advance(500);
    await Promise.all(later);
    expect(done).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('[C-RATE2] a waiting take is refused when its context is cancelled; the next in line moves up', async () => {
    const t = new FakeTimers();
    const parent = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/requests': 1 } });
    const a = new Context({ parent });
    const b = new Context({ parent });
    await a.take('net/requests');
    const outcomes: string[] = [];
    const first = a.take('net/requests').then(
      () => outcomes.push('a took'),
      (e: StepgraphError) => outcomes.push(`a refused ${e.code}`),
    );
    const second = b.take('net/requests').then(() => outcomes.push('b took'));
    a.cancel(stop());
    await first;
    expect(outcomes).toEqual(['a refused STOPPED']);
    await t.advance(1000);
    await second;
    expect(outcomes).toEqual(['a refused STOPPED', 'b took']);
    // a cancelled context is refused at once
    await expect(a.take('net/requests')).rejects.toMatchObject({ code: 'STOPPED' });
  });

  it('[C-RATE3] a byte-rate take above the capacity is taken in capacity-sized parts', async () => {
    const t = new FakeTimers();
    const c = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/bytes': 100 } });
    let done = false;
    const p = c.take('net/bytes', 250).then(() => (done = true));
    await t.advance(1499);
    expect(done).toBe(false);
    await t.advance(1);
    await p;
    expect(done).toBe(true);
  });

  it('[C-RATE1] a rate of 0 can never be served: refused with LIMIT_RATE', async () => {
    const t = new FakeTimers();
    const c = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/requests': 0 } });
    await expect(c.take('net/requests')).rejects.toMatchObject({ code: 'LIMIT_RATE' });
  });
});

describe('total limits', () => {
  it('[C-TOT1] a take fails at once when empty, naming the limit; the release gives back exactly once', () => {
    const c = new Context({ clock: new ManualClock(), limits: { 'modules/simultaneous': 2 } });
    const r1 = c.acquire('modules/simultaneous');
    const r2 = c.acquire('modules/simultaneous');
    let error: StepgraphError | undefined;
    try {
      c.acquire('modules/simultaneous');
    } catch (e) {
      error = e as StepgraphError;
    }
    expect(error?.code).toBe('LIMIT_TOTAL');
    expect(error?.details).toEqual({ limit: 'modules/simultaneous' });
    r1();
    r1();
    expect(c.remaining('modules/simultaneous')).toBe(1);
    r2();
    expect(c.remaining('modules/simultaneous')).toBe(2);
  });

  it('[C-TOT1] [C-LIM4] a child takes from its own bucket and its parent’s, all or nothing', () => {
    const parent = new Context({ clock: new ManualClock(), limits: { 'modules/simultaneous': 1 } });
    const child = new Context({ parent, limits: { 'modules/simultaneous': 1 } });
    const held = parent.acquire('modules/simultaneous');
    expect(() => child.acquire('modules/simultaneous')).toThrow(/modules\/simultaneous/);
    // the refused take took nothing from the child's own bucket
    expect(child.remaining('modules/simultaneous')).toBe(0);
    held();
    expect(child.remaining('modules/simultaneous')).toBe(1);
    child.acquire('modules/simultaneous');
    expect(parent.remaining('modules/simultaneous')).toBe(0);
  });
});

describe('depleting budgets', () => {
  it('[C-CPU2] CPU time is charged to every ancestor; the budget that runs out cancels its context', () => {
    const root = new Context({ clock: new ManualClock(), limits: { 'execution/cpu-time': 100 } });
    const child = new Context({ parent: root, limits: { 'execution/cpu-time': 50 } });
    const sibling = new Context({ parent: root });
    expect(child.charge('execution/cpu-time', 30)).toBe(true);
    expect(sibling.charge('execution/cpu-time', 30)).toBe(true);
    expect(root.usage.cpuMs).toBe(60);
    expect(child.charge('execution/cpu-time', 30)).toBe(false);
    expect(child.cancelled?.code).toBe('LIMIT_CPU_TIME');
    expect(child.cancelled?.details).toEqual({ limit: 'execution/cpu-time' });
    expect(root.cancelled).toBeUndefined();
    expect(sibling.charge('execution/cpu-time', 20)).toBe(false);
    expect(root.cancelled?.code).toBe('LIMIT_CPU_TIME');
    expect(sibling.cancelled?.code).toBe('LIMIT_CPU_TIME');
  });
});
