import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { snapshot } from './values';

describe('snapshot', () => {
  it('[T-VAL1] records primitives as themselves and the rest as tagged objects', () => {
    expect([snapshot('a'), snapshot(true), snapshot(3.5), snapshot(null)]).toEqual(['a', true, 3.5, null]);
    expect(snapshot(undefined)).toEqual({ $: 'undefined' });
    expect([snapshot(Number.NaN), snapshot(Infinity), snapshot(-Infinity), snapshot(-0)]).toEqual([
      { $: 'number', v: 'NaN' },
      { $: 'number', v: 'Infinity' },
      { $: 'number', v: '-Infinity' },
      { $: 'number', v: '-0' },
    ]);
    expect(snapshot(12n)).toEqual({ $: 'bigint', v: '12' });
    expect(snapshot(Symbol('s'))).toEqual({ $: 'symbol', v: 's' });
    expect(snapshot(function named() {})).toEqual({ $: 'function', name: 'named' });
    expect(snapshot(new Map([['A', 1]]))).toEqual({ $: 'map', entries: [['A', 1]], size: 1 });
    expect(snapshot(new Set(['x']))).toEqual({ $: 'set', items: ['x'], size: 1 });
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    expect(snapshot(new Point(1, 2))).toEqual({
      $: 'object',
      cls: 'Point',
      entries: [
        ['x', 1],
        ['y', 2],
      ],
      size: 2,
    });
    expect(snapshot(Object.create(null))).toEqual({ $: 'object', cls: 'Object', entries: [], size: 0 });
  });

  it('[T-VAL2] a value that contains itself records a cycle and does not throw', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const arr: unknown[] = [1];
    arr.push(arr);
    const m = new Map<string, unknown>();
    m.set('me', m);
    expect(snapshot(a)).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['name', 'a'],
        ['self', { $: 'cycle' }],
      ],
      size: 2,
    });
    expect(snapshot(arr)).toEqual({ $: 'array', items: [1, { $: 'cycle' }], size: 2 });
    expect(snapshot(m)).toEqual({ $: 'map', entries: [['me', { $: 'cycle' }]], size: 1 });
  });

  it('[T-VAL2] a shared (not cyclic) reference is recorded twice, not as a cycle', () => {
    const shared = [1];
    expect(snapshot({ a: shared, b: shared })).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['a', { $: 'array', items: [1], size: 1 }],
        ['b', { $: 'array', items: [1], size: 1 }],
      ],
      size: 2,
    });
  });

  it('[T-VAL3] collections keep at most `items` entries and their true size; deep nesting is cut', () => {
    const big = Array.from({ length: 10 }, (_, i) => i);
    expect(snapshot(big, { items: 3, depth: 4 })).toEqual({ $: 'array', items: [0, 1, 2], size: 10 });
    expect(snapshot(new Set(big), { items: 2, depth: 4 })).toEqual({ $: 'set', items: [0, 1], size: 10 });
    const obj = Object.fromEntries(big.map((i) => [`k${i}`, i]));
    const s = snapshot(obj, { items: 2, depth: 4 });
    expect(s).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['k0', 0],
        ['k1', 1],
      ],
      size: 10,
    });
    expect(snapshot([[[1]]], { items: 10, depth: 2 })).toEqual({
      $: 'array',
      items: [{ $: 'array', items: [{ $: 'deep' }], size: 1 }],
      size: 1,
    });
  });

  it('[T-VAL4] getters are never called', () => {
    let calls = 0;
    const own = Object.defineProperty({ plain: 1 }, 'lazy', {
      get: () => {
        calls++;
        return 2;
      },
      enumerable: true,
    });
    class WithGetter {
      n = 1;
      get order(): number {
        calls++;
        return 5;
      }
      get double(): number {
        calls++;
        return this.n * 2;
      }
    }
    expect(snapshot(own)).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['plain', 1],
        ['lazy', { $: 'function', name: 'get lazy' }],
      ],
      size: 2,
    });
    expect(snapshot(new WithGetter())).toEqual({ $: 'object', cls: 'WithGetter', entries: [['n', 1]], size: 1 });
    expect(calls).toBe(0);
  });

  it('[T-VAL5] a graphology graph is summarised by order and size', () => {
    const g = new Graph();
    g.addNode('a');
    g.addNode('b');
    g.addEdge('a', 'b');
    expect(snapshot(g)).toEqual({ $: 'graph', order: 2, size: 1 });
    expect(snapshot({ order: 3, forEachNode: () => {} })).toMatchObject({ $: 'object' });
  });

  it('[T-VAL6] a snapshot is a copy: later mutation does not change it', () => {
    const xs = [1, 2];
    const before = snapshot(xs);
    xs.push(3);
    expect(before).toEqual({ $: 'array', items: [1, 2], size: 2 });
  });
});

describe('snapshot of large values', () => {
  it('[T-VAL7] binary data is its type, its length and its first items, never enumerated whole', () => {
    const big = new Float64Array(5_000_000).fill(1.5);
    const v = snapshot(big);
    expect(v).toMatchObject({ $: 'object', cls: 'Float64Array', size: 5_000_000 });
    expect((v as { entries: unknown[] }).entries).toHaveLength(100);
    expect(snapshot(new BigInt64Array([2n, 3n]))).toEqual({
      $: 'object',
      cls: 'BigInt64Array',
      entries: [
        ['0', { $: 'bigint', v: '2' }],
        ['1', { $: 'bigint', v: '3' }],
      ],
      size: 2,
    });
    expect(snapshot(new ArrayBuffer(1024))).toEqual({ $: 'object', cls: 'ArrayBuffer', entries: [], size: 1024 });
    expect(snapshot(new DataView(new ArrayBuffer(8)))).toEqual({ $: 'object', cls: 'DataView', entries: [], size: 8 });
  });

  it('[T-VAL7] a typed array whose class lies about its length is read through the intrinsics', () => {
    let called = 0;
    class Liar extends Uint8Array {
      override get length(): number {
        called++;
        return 1e9;
      }
    }
    expect(snapshot(new Liar(3))).toMatchObject({ cls: 'Uint8Array', size: 3 });
    expect(called).toBe(0);
  });

  it('[T-VAL7] a long string is its start and its length', () => {
    const long = 'ab'.repeat(3_000_000);
    const v = snapshot(long) as string;
    expect(v.length).toBeLessThan(300);
    expect(v.startsWith('abab')).toBe(true);
    expect(v).toContain('(6000000 characters)');
    expect(snapshot('short')).toBe('short');
  });
});
