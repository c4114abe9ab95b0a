import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { Context } from '../runtime/context';
import { CpuMeter } from './cpuMeter';
import { ModuleMonitor, type ModuleRun } from './moduleMonitor';

/** A meter on a manual clock, whose host turns the test lets happen. */
function setup() {
  const clock = new ManualClock();
  let steps = 0;
  const turns: Array<() => void> = [];
  const monitor = new ModuleMonitor(clock, () => steps);
  const meter = new CpuMeter(
    clock,
    () => steps,
    () => new Promise<void>((r) => turns.push(r)),
    monitor,
  );
  const root = new Context({ clock, limits: { 'execution/steps': 1000 } });
  let next = 0;
  const module = (ctx: Context, parent?: ModuleRun): ModuleRun => ({ id: next++, file: `m${next}.ts`, ctx, parent });
  return {
    clock,
    meter,
    monitor,
    root,
    module,
    /** Records `n` steps. */
    step: (n: number) => void (steps += n),
    /** The host's event loop gets its turn back (every pending turn). */
    turn: async () => {
      for (const r of turns.splice(0)) r();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('CpuMeter', () => {
  it('[C-CPU1] charges the module that runs, from entering it to entering another or the host’s turn', async () => {
    const t = setup();
    const a = t.module(new Context({ parent: t.root }));
    const b = t.module(new Context({ parent: t.root }));
    t.meter.enter(a);
    t.clock.advance(30);
    t.meter.enter(b);
    t.clock.advance(20);
    await t.turn();
    // a long sleep: nobody runs, nobody is charged
    t.clock.advance(1000);
    t.meter.enter(a);
    t.clock.advance(5);
    await t.turn();
    expect(a.ctx.usage.cpuMs).toBe(35);
    expect(b.ctx.usage.cpuMs).toBe(20);
    expect(t.root.usage.cpuMs).toBe(55);
  });

  it('[C-CPU2] a check charges the running module and its ancestors, and stops it when a budget ran out', () => {
    const t = setup();
    const parent = new Context({ parent: t.root, limits: { 'execution/cpu-time': 100 } });
    const m = t.module(new Context({ parent }));
    t.meter.enter(m);
    t.clock.advance(60);
    expect(() => t.meter.check(m, 0)).not.toThrow();
    t.clock.advance(41);
    expect(() => t.meter.check(m, 0)).toThrow(expect.objectContaining({ code: 'LIMIT_CPU_TIME' }));
    expect(parent.cancelled?.code).toBe('LIMIT_CPU_TIME');
    expect(t.root.usage.cpuMs).toBe(101);
  });

  it('[C-CPU3] a busy parent and a busy child share the parent’s budget: it lasts their combined running time', () => {
    const t = setup();
    const p = t.module(new Context({ parent: t.root, limits: { 'execution/cpu-time': 100 } }));
    const c = t.module(new Context({ parent: p.ctx }), p);
    const turns: string[] = [];
    for (let i = 0; i < 10 && !p.ctx.cancelled; i++) {
      const m = i % 2 === 0 ? p : c;
      t.meter.enter(m);
      t.clock.advance(30);
      try {
        t.meter.check(m, 0);
        turns.push(m === p ? 'parent' : 'child');
      } catch {
        turns.push('stopped');
      }
    }
    // 30 + 30 + 30 = 90 ms; the fourth stretch takes the shared budget past 100
    expect(turns).toEqual(['parent', 'child', 'parent', 'stopped']);
    expect(p.ctx.usage.cpuMs).toBe(120);
    expect(c.ctx.usage.cpuMs).toBe(60);
    expect(c.ctx.cancelled?.code).toBe('LIMIT_CPU_TIME');
  });

  it('[C-STEP1] steps go to the module that ran them; the step cap is where its budget runs out', () => {
    const t = setup();
    const a = t.module(new Context({ parent: t.root, limits: { 'execution/steps': 10 } }));
    const b = t.module(new Context({ parent: t.root }));
    t.meter.enter(a);
    t.step(4);
    t.meter.enter(b);
    t.step(100);
    t.meter.enter(a);
    expect(a.ctx.steps).toBe(4);
    expect(b.ctx.steps).toBe(100);
    // a has 6 steps left: its next check must come before run-wide step 104 + 6
    expect(t.meter.stepCap(a)).toBe(110);
    t.step(6);
    expect(() => t.meter.check(a, 110)).not.toThrow();
    expect(() => t.meter.check(a, 111)).toThrow(expect.objectContaining({ code: 'LIMIT_STEPS' }));
  });

  it('[C-MOD2] samples say when a module runs and when it waits', async () => {
    const t = setup();
    const a = t.module(new Context({ parent: t.root }));
    const b = t.module(new Context({ parent: t.root }));
    t.monitor.add(a);
    t.monitor.add(b);
    t.meter.enter(a);
    t.step(3);
    t.meter.enter(b);
    t.step(2);
    await t.turn();
    t.monitor.sample(a, 'done');
    t.meter.enter(a);
    const samples = t.monitor.report().samples.map((s) => `${s.step}:${s.module}:${s.state}`);
    expect(samples).toEqual(['0:0:running', '3:0:waiting', '3:1:running', '5:1:waiting', '5:0:done']);
  });
});
