import { describe, expect, it } from 'vitest';
import type { TraceValue } from '../protocol/trace';
import type { VariableAt } from './reader';
import { viewOf } from './view';

const nodes = new Set(['A', 'B', 'C']);
const colors = new Map([
  ['node', 'red'],
  ['queue', 'blue'],
  ['dist', 'green'],
  ['prev', 'gold'],
  ['seen', 'teal'],
]);
const v = (name: string, value: TraceValue, slot = 0): VariableAt => ({
  name,
  slot,
  frame: 0,
  global: true,
  value,
  changed: false,
});

describe('viewOf', () => {
  it('[T-VIEW1] a variable holding a node key highlights that node in its colour', () => {
    const view = viewOf([v('node', 'B'), v('other', 'Z')], nodes, colors);
    expect([...view.highlights]).toEqual([['B', [{ color: 'red', variable: 'node' }]]]);
    expect(view.badges.size).toBe(0);
  });

  it('[T-VIEW2] an array or a set of node keys highlights each node it holds', () => {
    const view = viewOf(
      [
        v('queue', { $: 'array', items: ['A', 'C', 'nope', 3], size: 4 }),
        v('seen', { $: 'set', items: ['B'], size: 1 }),
      ],
      nodes,
      colors,
    );
    expect(view.highlights.get('A')).toEqual([{ color: 'blue', variable: 'queue' }]);
    expect(view.highlights.get('C')).toEqual([{ color: 'blue', variable: 'queue' }]);
    expect(view.highlights.get('B')).toEqual([{ color: 'teal', variable: 'seen' }]);
    expect(view.highlights.has('nope')).toBe(false);
  });

  it('[T-VIEW3] a map or object keyed by node shows its values as badges', () => {
    const dist: TraceValue = {
      $: 'map',
      entries: [
        ['A', 0],
        ['B', 1],
        ['Q', 9],
      ],
      size: 3,
    };
    const view = viewOf([v('dist', dist)], nodes, colors);
    expect([...view.badges]).toEqual([
      ['A', '0'],
      ['B', '1'],
    ]);
    const obj: TraceValue = { $: 'object', cls: 'Object', entries: [['C', 'x']], size: 1 };
    expect([...viewOf([v('dist', obj)], nodes, colors).badges]).toEqual([['C', 'x']]);
  });

  it('[T-VIEW3] with several keyed variables, each badge part is named', () => {
    const dist: TraceValue = {
      $: 'map',
      entries: [
        ['A', 0],
        ['B', 1],
      ],
      size: 2,
    };
    const prev: TraceValue = { $: 'map', entries: [['B', 'A']], size: 1 };
    const view = viewOf([v('dist', dist), v('prev', prev)], nodes, colors);
    expect(view.badges.get('A')).toBe('dist=0');
    expect(view.badges.get('B')).toBe('dist=1\nprev=A');
  });

  it('[T-VIEW4] several variables on one node give several colours, in variable order, once each', () => {
    const view = viewOf(
      [v('node', 'A'), v('queue', { $: 'array', items: ['A', 'A'], size: 2 }), v('node', 'A', 1), v('unknown', 'A')],
      nodes,
      colors,
    );
    expect(view.highlights.get('A')).toEqual([
      { color: 'red', variable: 'node' },
      { color: 'blue', variable: 'queue' },
      { color: '#888888', variable: 'unknown' },
    ]);
  });

  it('[T-VIEW3] an empty second map already names the badges, so they read the same at every step', () => {
    const view = viewOf(
      [v('dist', { $: 'map', entries: [['A', 0]], size: 1 }), v('prev', { $: 'map', entries: [], size: 0 }, 1)],
      nodes,
      colors,
    );
    expect([...view.badges]).toEqual([['A', 'dist=0']]);
  });

  it('[T-VIEW5] an edge key, or a list of them, highlights the edges like nodes', () => {
    const view = viewOf(
      [v('edge', 'A-B'), v('tree', { $: 'array', items: ['A-B', 'B-C'], size: 2 }, 1)],
      new Set(['A', 'B', 'A-B', 'B-C']),
      colors,
    );
    expect(view.highlights.get('A-B')?.map((h) => h.variable)).toEqual(['edge', 'tree']);
    expect(view.highlights.get('B-C')?.map((h) => h.variable)).toEqual(['tree']);
  });
});
