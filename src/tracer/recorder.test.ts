import { describe, expect, it } from 'vitest';
import { REF } from '../protocol/trace';
import { Recorder } from './recorder';
import { Tables } from './tables';
import { CONST } from './refs';

const recorder = (statements = 3): Recorder => {
  const t = new Tables();
  const f = t.file('main.ts');
  for (let i = 0; i < statements; i++) t.statement(f, i + 1, 1);
  return new Recorder(t);
};

describe('columns and refs', () => {
  it('[T-COL1] a step stores 16 bits while statements fit; frames only where they change', () => {
    const rec = recorder();
    const a = rec.frame(0, 0, true);
    const b = rec.frame(0, 0, false);
    for (let i = 0; i < 10; i++) rec.step(i % 3, i < 6 ? a : b);
    const tr = rec.finish();
    expect(tr.stepStatement).toBeInstanceOf(Uint16Array);
    expect([...tr.runStep]).toEqual([0, 6]);
    expect([...tr.runFrame]).toEqual([a, b]);
  });

  it('[T-COL1] with 65,536 statements or more, steps are 32-bit', () => {
    const rec = recorder(70_000);
    rec.step(69_999, rec.frame(0, 0, true));
    expect(rec.finish().stepStatement).toBeInstanceOf(Uint32Array);
  });

  it('[T-REF1] constants, small integers, numbers, strings (interned once), objects and others', () => {
    const vs = recorder().store;
    expect(vs.ref(undefined)).toBe(CONST.UNDEFINED);
    expect(vs.ref(null)).toBe(CONST.NULL);
    expect(vs.ref(true)).toBe(CONST.TRUE);
    expect(vs.ref(NaN)).toBe(CONST.NAN);
    expect(vs.ref(-0)).toBe(CONST.MINUS_ZERO);
    expect(vs.ref(42)).toBe(42 * 8 + REF.INT);
    expect(vs.ref(-3) & 7).toBe(REF.NUMBER);
    expect(vs.ref(1.5) & 7).toBe(REF.NUMBER);
    const s1 = vs.ref('node-A');
    expect(vs.ref(`node-${'A'}`)).toBe(s1);
    expect(vs.strings.filter((x) => x === 'node-A')).toHaveLength(1);
    const arr = [1, 2];
    expect(vs.ref(arr)).toBe(vs.ref(arr));
    expect(vs.ref(arr) & 7).toBe(REF.OBJECT);
    expect(vs.ref(() => 1) & 7).toBe(REF.OTHER);
    expect(vs.ref(10n) & 7).toBe(REF.OTHER);
  });
});
