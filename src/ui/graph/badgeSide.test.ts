import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseSide } from './badgeSide';

describe('chooseSide', () => {
  it('puts the badge below a node with no edges, or with edges only above it', () => {
    expect(chooseSide([])).toBe('bottom');
    expect(chooseSide([{ dx: 0, dy: -50 }])).toBe('bottom');
  });

  it('moves the badge off the side an edge leaves by', () => {
    expect(chooseSide([{ dx: 0, dy: 80 }])).toBe('right');
    expect(
      chooseSide([
        { dx: 0, dy: 80 },
        { dx: 80, dy: 0 },
      ]),
    ).toBe('top');
    expect(
      chooseSide([
        { dx: 0, dy: 80 },
        { dx: 80, dy: 0 },
        { dx: 0, dy: -80 },
      ]),
    ).toBe('left');
  });

  it('never picks a side an edge points straight at when another side is free', () => {
    const dir = fc.record({ dx: fc.integer({ min: -100, max: 100 }), dy: fc.integer({ min: -100, max: 100 }) });
    fc.assert(
      fc.property(fc.array(dir, { maxLength: 3 }), (dirs) => {
        const side = chooseSide(dirs);
        const axis = { bottom: [0, 1], right: [1, 0], top: [0, -1], left: [-1, 0] }[side];
        // with at most three edges one of four sides is free of edges within 30° of it
        for (const { dx, dy } of dirs) {
          const len = Math.hypot(dx, dy);
          if (len > 0) expect((dx * axis[0]! + dy * axis[1]!) / len).toBeLessThan(0.87);
        }
      }),
    );
  });
});
