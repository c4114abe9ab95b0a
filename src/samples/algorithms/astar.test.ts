import { describe, expect, it } from 'vitest';
import { pathWeight, shortestDistances } from '../../../test/reference';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { astar } from './astar';

const { result } = sampleRunner(astar);

describe('astar sample', () => {
  it('crosses the maze along the top, avoiding the mud', async () => {
    expect(await result()).toEqual({ path: ['0,0', '0,1', '0,2', '0,3', '0,4', '1,4', '2,4', '3,4'], cost: 7 });
  });

  it.each<[string, GraphologyJson, string, string]>([
    ['the maze', sampleGraph(astar), '0,0', '3,4'],
    ['a weighted 9 × 9 grid', gridGraph(9, 9, { weighted: true, seed: 'astar' }), '0,0', '8,8'],
    ['a random graph on a circle', randomGraph(40, 90, 'astar', { weighted: true }), 'n0', 'n20'],
  ])('on %s: a path as short as graphology-shortest-path finds', async (_name, data, start, goal) => {
    const graph = toGraph(data);
    const { path, cost } = (await result(data, { start, goal })) as { path: string[]; cost: number };
    expect(path[0]).toBe(start);
    expect(path.at(-1)).toBe(goal);
    expect(pathWeight(graph, path)).toBe(cost);
    expect(cost).toBe(shortestDistances(graph, start).get(goal));
  });

  it('finds no path to a node that cannot be reached', async () => {
    const data = gridGraph(3, 3, { weighted: true });
    data.nodes.push({ key: 'island', attributes: { x: 300, y: 300 } });
    expect(await result(data, { goal: 'island' })).toEqual({ path: [], cost: undefined });
  });
});
