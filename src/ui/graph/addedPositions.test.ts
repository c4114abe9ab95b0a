import { describe, expect, it } from 'vitest';
import { addedPositions } from './addedPositions';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('addedPositions', () => {
  it('puts 2,500 unconnected nodes at 2,500 distinct points, none closer than 20 px', () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `n${i}`);
    const at = addedPositions(keys, [], () => undefined, { x: 0, y: 0 });
    const points = [...at.values()];
    expect(new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(2500);
    // neighbours on the spiral: check each point against the next few (the spiral is ordered by radius)
    const sorted = points.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < Math.min(sorted.length, i + 40); j++)
        expect(dist(sorted[i]!, sorted[j]!)).toBeGreaterThan(20);
  });

  it('puts a node next to the neighbour it is linked to, and its siblings around that neighbour', () => {
    const parent = { x: 500, y: 300 };
    const at = addedPositions(
      ['a', 'b', 'c'],
      [
        { source: 'P', target: 'a' },
        { source: 'P', target: 'b' },
        { source: 'c', target: 'a' },
      ],
      (k) => (k === 'P' ? parent : undefined),
      { x: 0, y: 0 },
    );
    expect(dist(at.get('a')!, parent)).toBeCloseTo(45, 5);
    expect(dist(at.get('b')!, parent)).toBeCloseTo(45, 5);
    expect(dist(at.get('a')!, at.get('b')!)).toBeGreaterThan(20);
    // c is linked only to a, placed just before it: it goes next to a
    expect(dist(at.get('c')!, at.get('a')!)).toBeLessThan(60);
  });
});
