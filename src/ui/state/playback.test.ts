import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../client/inProcessClient';
import { bfsDoc } from '../share/fixtures';
import { moveBreakpoints, toggleBreakpoint, withCondition } from './breakpoints';
import { animationMs, Playback, type FrameClock } from './playback';
import { PlaygroundStore } from './store';

function store(): PlaygroundStore {
  const client = new InProcessClient({
    now: () => performance.now() as never,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  });
  const { step: _step, ...work } = bfsDoc;
  return new PlaygroundStore(client, work);
}

/** Frames on demand: `frames(n, ms)` draws n frames, ms apart. */
function fakeClock() {
  let queue: Array<(t: number) => void> = [];
  let now = 0;
  const clock: FrameClock = {
    request: (cb) => queue.push(cb),
    cancel: () => {
      queue = [];
    },
  };
  const frames = (n: number, ms = 1000 / 60): void => {
    for (let i = 0; i < n; i++) {
      const due = queue;
      queue = [];
      now += ms;
      for (const cb of due) cb(now);
    }
  };
  return { clock, frames, pending: () => queue.length };
}

// BFS sample: line 8 is `const node = queue.shift()!;`, line 13 sets dist
describe('[playback] Play, speed, breakpoints', () => {
  it('plays at its speed, one seek per frame at most, and stops at the end', async () => {
    const s = store();
    await s.run();
    const { clock, frames, pending } = fakeClock();
    const p = new Playback(s, clock);
    let renders = 0;
    s.subscribe(() => renders++);
    p.setSpeed('10');
    p.play();
    frames(60); // one second at 10 steps a second: the first at once, then every 100 ms
    expect(s.getSnapshot().step).toBeGreaterThanOrEqual(10);
    expect(s.getSnapshot().step).toBeLessThanOrEqual(11);
    expect(renders).toBe(s.getSnapshot().step);
    p.setSpeed('sweep');
    frames(700);
    const total = s.getSnapshot().reader?.length ?? 0;
    expect(s.getSnapshot().step).toBe(total - 1);
    expect(p.getSnapshot()).toMatchObject({ playing: false, note: { text: 'End of the run' } });
    expect(pending()).toBe(0);
  });

  it('stops at a breakpoint, and Play goes on past it to the next', async () => {
    const s = store();
    await s.run();
    const { clock, frames } = fakeClock();
    const p = new Playback(s, clock);
    s.setBreakpoints(toggleBreakpoint(s.getSnapshot().breakpoints, 'main.ts', 8, false));
    p.setSpeed('frame');
    p.play();
    frames(200);
    const first = s.getSnapshot().step;
    expect(s.getSnapshot().reader?.step(first).line).toBe(8);
    expect(p.getSnapshot()).toMatchObject({ playing: false, note: { step: first, text: 'Breakpoint main.ts:8' } });
    p.play();
    frames(200);
    expect(s.getSnapshot().step).toBeGreaterThan(first);
    expect(s.getSnapshot().reader?.step(s.getSnapshot().step).line).toBe(8);
  });

  it('Next/Previous breakpoint jump between hits; a condition stops only where it holds', async () => {
    const s = store();
    await s.run();
    const p = new Playback(s, fakeClock().clock);
    s.setBreakpoints(toggleBreakpoint([], 'main.ts', 8, false));
    s.setBreakpoints(withCondition(s.getSnapshot().breakpoints, 0, "node === 'E'"));
    p.nextBreakpoint();
    const at = s.getSnapshot().step;
    const node = s
      .getSnapshot()
      .reader?.variables(at)
      .find((v) => v.name === 'node')?.value;
    expect(node).toBe('E');
    p.nextBreakpoint();
    expect(s.getSnapshot().step).toBe(at);
    expect(p.getSnapshot().note?.text).toBe('No breakpoint is hit after this step');
    s.setBreakpoints(withCondition(s.getSnapshot().breakpoints, 0, ''));
    p.previousBreakpoint();
    expect(s.getSnapshot().step).toBeLessThan(at);
    expect(s.getSnapshot().reader?.step(s.getSnapshot().step).line).toBe(8);
  });

  it('a breakpoint moved by an edit is looked for at the line the trace ran, until the next run', async () => {
    const s = store();
    await s.run();
    const p = new Playback(s, fakeClock().clock);
    s.setBreakpoints(toggleBreakpoint([], 'main.ts', 8, false));
    s.setFile('main.ts', `// a comment\n${s.getSnapshot().files['main.ts']}`);
    s.setBreakpoints(moveBreakpoints(s.getSnapshot().breakpoints, 'main.ts', [9]));
    expect(s.getSnapshot().breakpoints).toEqual([{ file: 'main.ts', line: 9, ranLine: 8 }]);
    expect(s.doc().breakpoints).toEqual([{ file: 'main.ts', line: 9 }]);
    p.nextBreakpoint();
    expect(s.getSnapshot().reader?.step(s.getSnapshot().step).line).toBe(8);
    await s.run();
    p.nextBreakpoint();
    expect(s.getSnapshot().reader?.step(s.getSnapshot().step).line).toBe(9);
  });

  it('graph changes only: each step Play shows looks different from the one before', async () => {
    const s = store();
    await s.run();
    const { clock, frames } = fakeClock();
    const p = new Playback(s, clock);
    p.setGraphOnly(true);
    p.setSpeed('frame');
    p.play();
    frames(3);
    const shown = s.getSnapshot().step;
    expect(shown).toBeGreaterThan(1);
    expect(animationMs(p.getSnapshot())).toBe(0);
    p.setGraphOnly(false);
    p.setSpeed('1');
    expect(animationMs(p.getSnapshot())).toBe(400);
  });
});

describe('[playback] a new trace', () => {
  it('a new run stops Play and forgets the note about the old trace', async () => {
    const s = store();
    await s.run();
    const { clock, frames, pending } = fakeClock();
    const p = new Playback(s, clock);
    p.setSpeed('frame');
    p.play();
    frames(5);
    expect(p.getSnapshot().playing).toBe(true);
    await s.run();
    expect(p.getSnapshot()).toMatchObject({ playing: false, note: undefined });
    expect(pending()).toBe(0);
    // the same code ran again: the new trace opens where the old one was (UI-STALE2)
    expect(s.getSnapshot().step).toBe(5);
  });
});

describe('[playback] breakpoints stay valid work', () => {
  it('a file that loses lines or is removed takes its breakpoints with it, so the work always validates', async () => {
    const { validateDoc } = await import('../share/validate');
    const s = store();
    s.addFile('util.ts');
    s.setFile('util.ts', 'export const a = 1;\nexport const b = 2;\n');
    s.setBreakpoints(toggleBreakpoint(toggleBreakpoint([], 'util.ts', 2, true), 'main.ts', 8, true));
    s.setFile('util.ts', 'export const a = 1;');
    expect(s.getSnapshot().breakpoints).toEqual([{ file: 'main.ts', line: 8 }]);
    s.setBreakpoints(toggleBreakpoint(s.getSnapshot().breakpoints, 'util.ts', 1, true));
    s.removeFile('util.ts');
    expect(s.getSnapshot().breakpoints).toEqual([{ file: 'main.ts', line: 8 }]);
    expect(validateDoc(s.doc()).ok).toBe(true);
    expect(s.doc().breakpoints).toBe(s.doc().breakpoints); // the same array while unchanged: autosave compares by identity
  });
});
