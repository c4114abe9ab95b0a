import { describe, expect, it } from 'vitest';
import { isSpanningTree, mstWeight, pathWeight } from '../../../test/reference';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { prim } from './prim';

const { result } = sampleRunner(prim);

describe('prim sample', () => {
  it('finds the tree of weight 37 on the nine towns', async () => {
    expect(await result()).toMatchObject({ total: 37 });
  });

  it.each<[string, GraphologyJson, string]>([
    ['the nine towns', sampleGraph(prim), 'E'],
    ['a weighted 7 × 7 grid', gridGraph(7, 7, { weighted: true, seed: 'prim' }), '3,3'],
    ['a random graph', randomGraph(60, 150, 'prim', { weighted: true }), 'n9'],
  ])('on %s: a spanning tree of minimum weight', async (_name, data, start) => {
    const graph = toGraph(data);
    const { total, tree } = (await result(data, { start })) as { total: number; tree: string[] };
    expect(isSpanningTree(graph, tree)).toBe(true);
    expect(tree.reduce((sum, e) => sum + pathWeight(graph, [graph.source(e), graph.target(e)]), 0)).toBe(total);
    expect(total).toBe(mstWeight(graph));
  });
});
