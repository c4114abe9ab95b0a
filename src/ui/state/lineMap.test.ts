import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineMapOf, mapLine } from './lineMap';

describe('where a line went after an edit', () => {
  it('[UI-STALE1] a line typed above moves the lines below down; an edited or removed line no longer matches', () => {
    const before = ['a', 'b', 'c', 'd'].join('\n');
    const after = ['new', 'a', 'B!', 'c'].join('\n');
    expect(Array.from(lineMapOf(before, after)).slice(1)).toEqual([2, 0, 4, 0]);
    expect(mapLine(before, after, 3)).toBe(4);
    expect(mapLine(before, after, 2)).toBeUndefined();
    expect(mapLine(before, before, 7)).toBe(7);
    expect(mapLine(undefined, after, 1)).toBeUndefined();
  });

  it('[UI-STALE1] every mapped line has the same text, and the mapping keeps the order (fuzzed)', () => {
    const linesArb = fc.array(fc.constantFrom('x', 'y', 'z', 'if (a) {', '}', ''), { maxLength: 30 });
    fc.assert(
      fc.property(linesArb, linesArb, (x, y) => {
        // an empty text is one empty line, as in the editor
        const [a, b] = [x.join('\n').split('\n'), y.join('\n').split('\n')];
        const map = lineMapOf(a.join('\n'), b.join('\n'));
        let previous = 0;
        for (let n = 1; n <= a.length; n++) {
          const to = map[n] as number;
          if (to === 0) continue;
          expect(b[to - 1]).toBe(a[n - 1]);
          expect(to).toBeGreaterThan(previous);
          previous = to;
        }
      }),
      { numRuns: 200 },
    );
  });
});
