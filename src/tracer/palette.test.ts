import { describe, expect, it } from 'vitest';
import { PALETTE, colorAt, colorsByName } from './palette';

describe('palette', () => {
  it('[T-PAL1] the first seven colours are Okabe–Ito, in order', () => {
    expect(Array.from({ length: 7 }, (_, i) => colorAt(i))).toEqual([...PALETTE]);
    expect(colorAt(0)).toBe('#D55E00');
  });

  it('[T-PAL1] past the end, every index keeps one fixed colour, distinct from the others', () => {
    const first = Array.from({ length: 60 }, (_, i) => colorAt(i));
    const again = Array.from({ length: 60 }, (_, i) => colorAt(i));
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(60);
    expect(colorAt(7)).toBe('hsl(0, 70%, 45%)');
    expect(colorAt(8)).toBe('hsl(138, 70%, 45%)');
  });

  it('[T-PAL2] each distinct name gets a colour in order of first appearance', () => {
    const m = colorsByName(['dist', 'queue', 'dist', 'node']);
    expect([...m.entries()]).toEqual([
      ['dist', PALETTE[0]],
      ['queue', PALETTE[1]],
      ['node', PALETTE[2]],
    ]);
  });
});
