import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BADGE_CHARS, badgeValue, shortNumber } from './badgeText';

describe('badgeValue', () => {
  it('[T-VIEW6] numbers are rounded to 4 significant digits and Infinity is ∞', () => {
    expect(badgeValue(0.09090909090909091)).toBe('0.09091');
    expect(badgeValue(12)).toBe('12');
    expect(badgeValue(3.14159)).toBe('3.142');
    expect(badgeValue({ $: 'number', v: 'Infinity' })).toBe('∞');
    expect(badgeValue({ $: 'number', v: '-Infinity' })).toBe('-∞');
    expect(badgeValue(123456789)).toBe('1.23e8');
    expect(shortNumber(0.00001234)).toBe('1.23e-5');
  });

  it('[T-VIEW6] strings and collections are cut to one short line', () => {
    expect(badgeValue('a rather long string value')).toBe('a rather lo…');
    expect(badgeValue({ $: 'array', items: ['A', 'B'], size: 2 })).toBe('[A,B]');
    expect(badgeValue({ $: 'array', items: ['A', 'B', 'C', 'D', 'E', 'F'], size: 9 })).toMatch(/^\[.*…\]$/);
  });

  it('[T-VIEW6] any number or string gives one line no longer than the limit (plus brackets)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string({ unit: 'binary' })), (x) => {
        const text = badgeValue(x);
        expect(text).not.toContain('\n');
        expect(text.length).toBeLessThanOrEqual(BADGE_CHARS);
      }),
    );
  });
});
