import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './queue';

describe('BoundedQueue', () => {
  it('[K-SQ1] offer appends until capacity, then refuses and leaves the queue unchanged', () => {
    const q = new BoundedQueue<string>(2);
    expect(q.offer('a')).toBe(true);
    expect(q.offer('b')).toBe(true);
    expect(q.offer('c')).toBe(false);
    expect(q.length).toBe(2);
    expect(q.drain()).toEqual(['a', 'b']);
  });

  it('[K-SQ1] draining frees room for new items', () => {
    const q = new BoundedQueue<number>(1);
    expect(q.offer(1)).toBe(true);
    expect(q.offer(2)).toBe(false);
    expect(q.drain()).toEqual([1]);
    expect(q.offer(3)).toBe(true);
    expect(q.drain()).toEqual([3]);
  });

  it('[K-SQ2] drain(max) returns up to max items, oldest first', () => {
    const q = new BoundedQueue<number>(10);
    for (let i = 0; i < 5; i++) q.offer(i);
    expect(q.drain(2)).toEqual([0, 1]);
    expect(q.length).toBe(3);
    expect(q.drain(10)).toEqual([2, 3, 4]);
    expect(q.drain()).toEqual([]);
  });

  it('[K-SQ2] stays FIFO across many offers and drains (internal compaction)', () => {
    const q = new BoundedQueue<number>(5000);
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 100; i++) expect(q.offer(next++)).toBe(true);
      out.push(...q.drain(90));
    }
    out.push(...q.drain());
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('[K-SQ3] refuses a capacity that is not positive', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
    expect(() => new BoundedQueue(-1)).toThrow(RangeError);
    expect(() => new BoundedQueue(Number.NaN)).toThrow(RangeError);
  });
});
