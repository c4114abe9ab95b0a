import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { bfs } from './bfs';

const { result } = sampleRunner(bfs);

/** The visiting order of graphology-traversal's BFS. */
function reference(data: GraphologyJson, start: string): string[] {
  const order: string[] = [];
  bfsFromNode(toGraph(data), start, (node) => void order.push(node));
  return order;
}

describe('bfs sample', () => {
  it('visits the ten-node graph in the order of graphology-traversal', async () => {
    const order = await result();
    expect(order).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(order).toEqual(reference(sampleGraph(bfs), 'A'));
  });

  it.each<[string, GraphologyJson, string]>([
    ['a 7 × 7 grid', gridGraph(7, 7), '3,3'],
    ['a random graph', randomGraph(60, 90, 'bfs'), 'n17'],
  ])('agrees with graphology-traversal on %s', async (_name, data, start) => {
    expect(await result(data, { start })).toEqual(reference(data, start));
  });
});
