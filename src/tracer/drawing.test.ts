import { describe, expect, it } from 'vitest';
import type { TraceValue } from '../protocol/trace';
import type { VariableAt } from './reader';
import { categoryColor, drawingOf, edgeFinder } from './drawing';
import { viewOf } from './view';

const nodes = new Set(['A', 'B', 'C', 'D']);
const edges = [
  { key: 'A-B', source: 'A', target: 'B' },
  { key: 'B-C', source: 'B', target: 'C' },
  { key: 'D-C', source: 'D', target: 'C' },
];
const edgeKeys = new Set(edges.map((e) => e.key));
const find = edgeFinder(edges);
const colors = new Map([
  ['previous', 'gold'],
  ['colour', 'red'],
  ['mst', 'blue'],
]);
const v = (name: string, value: TraceValue): VariableAt => ({
  name,
  slot: 0,
  frame: 0,
  global: true,
  value,
  changed: false,
});
const map = (...entries: Array<[string, TraceValue]>): TraceValue => ({ $: 'map', entries, size: entries.length });
const arr = (...items: TraceValue[]): TraceValue => ({ $: 'array', items, size: items.length });
const draw = (...vars: VariableAt[]) => drawingOf(vars, nodes, edgeKeys, find, colors);

describe('drawingOf', () => {
  it('[T-VIEW8] a node → node map draws the edge to each parent, arrow towards the child', () => {
    const d = draw(v('previous', map(['B', 'A'], ['C', 'B'], ['D', 'C'], ['A', 'A'])));
    expect([...d.tree]).toEqual([
      ['A-B', { color: 'gold', variable: 'previous', towards: 'target' }],
      ['B-C', { color: 'gold', variable: 'previous', towards: 'target' }],
      ['D-C', { color: 'gold', variable: 'previous', towards: 'source' }],
    ]);
    expect(d.fills.size).toBe(0);
  });

  it('[T-VIEW8] a parent with no edge to its child (a union–find forest) draws nothing, and stays a badge', () => {
    const value = map(['A', 'C']);
    expect(draw(v('parent', value)).tree.size).toBe(0);
    expect(viewOf([v('parent', value)], nodes, colors).badges.get('A')).toBe('C');
  });

  it('[T-VIEW8] a node → edge map, and a list of node pairs, draw those edges', () => {
    expect([...draw(v('via', map(['B', 'A-B'], ['C', 'B-C']))).tree.keys()]).toEqual(['A-B', 'B-C']);
    const d = draw(v('mst', arr(arr('A', 'B'), arr('C', 'D'))));
    expect(d.tree.get('A-B')).toEqual({ color: 'blue', variable: 'mst', towards: 'target' });
    expect(d.tree.get('D-C')?.towards).toBe('source');
  });

  it('[T-VIEW7] a map from nodes to small integers named like a category fills the nodes by category', () => {
    const d = draw(v('colour', map(['A', 0], ['B', 1], ['C', 0])));
    expect(d.fills.get('A')).toEqual({ color: categoryColor(0), variable: 'colour', value: '0' });
    expect(d.fills.get('B')?.color).toBe(categoryColor(1));
    expect(d.fills.get('C')?.color).toBe(d.fills.get('A')?.color);
    expect(categoryColor(0)).not.toBe(categoryColor(1));
  });

  it('[T-VIEW7] a quantity (dist) or a big or fractional number never fills', () => {
    expect(draw(v('dist', map(['A', 0], ['B', 1]))).fills.size).toBe(0);
    expect(draw(v('colour', map(['A', 0.5]))).fills.size).toBe(0);
    expect(draw(v('colour', map(['A', 500]))).fills.size).toBe(0);
  });

  it('[T-VIEW7] a map from nodes to colours fills them in those colours; other strings do not', () => {
    const d = draw(v('paint', map(['A', '#ff0000'], ['B', 'teal'], ['C', 'rgb(1, 2, 3)'])));
    expect([...d.fills].map(([k, f]) => [k, f.color])).toEqual([
      ['A', '#ff0000'],
      ['B', 'teal'],
      ['C', 'rgb(1, 2, 3)'],
    ]);
    expect(draw(v('names', map(['A', 'Paris']))).fills.size).toBe(0);
    expect(draw(v('evil', map(['A', 'red; background: url(x)']))).fills.size).toBe(0);
  });

  it('[T-VIEW7] a list of node lists (components) fills each list in its own category', () => {
    const d = draw(v('components', arr(arr('A', 'B', 'C'), arr('D'))));
    expect(d.fills.get('A')?.color).toBe(categoryColor(0));
    expect(d.fills.get('D')?.color).toBe(categoryColor(1));
  });

  it('[T-VIEW7] the first variable to paint an element wins', () => {
    const d = draw(v('colour', map(['A', 1])), v('group', map(['A', 2])));
    expect(d.fills.get('A')?.variable).toBe('colour');
  });
});
