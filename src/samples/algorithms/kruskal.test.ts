import { describe, expect, it } from 'vitest';
import { isSpanningTree, mstWeight } from '../../../test/reference';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { kruskal } from './kruskal';

const { result } = sampleRunner(kruskal);

describe('kruskal sample', () => {
  it('finds the tree of weight 37 on the nine towns, cheapest edges first', async () => {
    expect(await result()).toEqual({ total: 37, tree: ['G-H', 'C-I', 'F-G', 'A-B', 'C-F', 'C-D', 'A-H', 'D-E'] });
  });

  it.each<[string, GraphologyJson]>([
    ['the nine towns', sampleGraph(kruskal)],
    ['a weighted 7 × 7 grid', gridGraph(7, 7, { weighted: true, seed: 'kruskal' })],
    ['a random graph', randomGraph(60, 150, 'kruskal', { weighted: true })],
  ])('on %s: a spanning tree of minimum weight', async (_name, data) => {
    const graph = toGraph(data);
    const { total, tree } = (await result(data)) as { total: number; tree: string[] };
    expect(isSpanningTree(graph, tree)).toBe(true);
    expect(tree.reduce((sum, e) => sum + (graph.getEdgeAttribute(e, 'weight') as number), 0)).toBe(total);
    expect(total).toBe(mstWeight(graph));
  });
});
