import { describe, expect, it } from 'vitest';
import { shortestDistances } from '../../../test/reference';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { dijkstra } from './dijkstra';

const { result } = sampleRunner(dijkstra);

describe('dijkstra sample', () => {
  it('finds the distances of the nine towns from A', async () => {
    const dist = await result();
    expect(dist).toEqual(new Map(Object.entries({ A: 0, B: 4, C: 12, D: 19, E: 21, F: 11, G: 9, H: 8, I: 14 })));
  });

  it.each<[string, GraphologyJson, string]>([
    ['the nine towns', sampleGraph(dijkstra), 'A'],
    ['a weighted 8 × 8 grid', gridGraph(8, 8, { weighted: true, seed: 'dijkstra' }), '2,5'],
    ['a directed random graph', randomGraph(50, 120, 'dijkstra', { directed: true, weighted: true }), 'n0'],
  ])('on %s: the distances of graphology-shortest-path', async (_name, data, start) => {
    const dist = (await result(data, { start })) as Map<string, number>;
    expect(dist).toEqual(shortestDistances(toGraph(data), start));
  });
});
