import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { FakeTimers } from '../../test/fakeTimers';
import { Context, CONTEXT_CODES } from './context';

/**
 * The Inox runtime's own cases for contexts and limits (its `context_test.go` and
 * `limits_test.go`), ported to our contexts. The CPU-time and simultaneous-module cases need
 * running modules: they are in src/executor/cpuMeter.test.ts and src/executor/modules.test.ts.
 */
describe('ported from Inox', () => {
  it('[C-LIM4] a child inherits its parent’s limits and draws on its buckets', async () => {
    const t = new FakeTimers();
    const parent = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/requests': 1, 'execution/steps': 10 } });
    const child = new Context({ parent });
    expect(child.effectiveLimits()).toEqual({ 'net/requests': 1, 'execution/steps': 10 });
    await child.take('net/requests');
    expect(parent.remaining('net/requests')).toBe(0);
    expect(() => child.chargeSteps(11)).toThrow(expect.objectContaining({ code: 'LIMIT_STEPS' }));
    expect(parent.cancelled?.code).toBe('LIMIT_STEPS');
  });

  it('[C-LIM3] a child with a looser limit is refused', () => {
    const parent = new Context({ clock: new ManualClock(), limits: { 'net/requests': 5 } });
    expect(() => new Context({ parent, limits: { 'net/requests': 6 } })).toThrow(
      expect.objectContaining({ code: CONTEXT_CODES.LOOSER_LIMIT, details: { limit: 'net/requests' } }),
    );
    const child = new Context({ parent, limits: { 'net/requests': 4 } });
    // inherited limits count too: the grandchild is checked against the stricter of the two
    expect(() => new Context({ parent: child, limits: { 'net/requests': 5 } })).toThrow(/looser/);
  });

  it('[C-PERM4] forbidden beats granted', () => {
    const root = new Context({ clock: new ManualClock(), permissions: 'all' });
    const c = new Context({
      parent: root,
      permissions: [
        { kind: 'read', pattern: 'https://example.com/...' },
        { kind: 'read', pattern: 'https://example.com/private' },
      ],
    });
    c.drop([{ kind: 'read', pattern: 'https://example.com/private' }]);
    expect(c.has('read', 'https://example.com/public')).toBe(true);
    expect(c.has('read', 'https://example.com/private')).toBe(false);
  });

  it('[C-RATE1] a frequency limit of 1/s makes the second take wait about a second', async () => {
    const t = new FakeTimers();
    const c = new Context({ clock: t.clock, wait: t.wait, limits: { 'net/requests': 1 } });
    await c.take('net/requests');
    const start = t.clock.now();
    let tookAt = -1;
    const second = c.take('net/requests').then(() => (tookAt = t.clock.now()));
    await t.advance(1100);
    await second;
    expect(tookAt - start).toBe(1000);
  });

  it('[C-TOT1] a total limit refuses the second take and a release restores it', () => {
    const c = new Context({ clock: new ManualClock(), limits: { 'modules/simultaneous': 1 } });
    const release = c.acquire('modules/simultaneous');
    expect(() => c.acquire('modules/simultaneous')).toThrow(expect.objectContaining({ code: 'LIMIT_TOTAL' }));
    release();
    expect(() => c.acquire('modules/simultaneous')).not.toThrow();
  });
});
