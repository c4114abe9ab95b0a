import type Graph from 'graphology';
import { dfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { dfs } from './dfs';

const { result } = sampleRunner(dfs);

/**
 * Whether `order` is a depth-first preorder of `graph` from its first node: each node must be a
 * neighbour of the deepest node still open, and a node is closed only once all its neighbours are seen.
 */
function isDepthFirst(graph: Graph, order: readonly string[]): boolean {
  const [first, ...rest] = order;
  if (first === undefined) return false;
  const seen = new Set([first]);
  const open = [first];
  for (const node of rest) {
    if (seen.has(node)) return false;
    while (open.length > 0 && !graph.areNeighbors(open[open.length - 1]!, node)) {
      if (graph.neighbors(open.pop()!).some((n) => !seen.has(n))) return false;
    }
    if (open.length === 0) return false;
    seen.add(node);
    open.push(node);
  }
  return true;
}

/** The nodes graphology-traversal's DFS reaches from `start`. */
function reachable(graph: Graph, start: string): Set<string> {
  const found = new Set<string>();
  dfsFromNode(graph, start, (node) => void found.add(node));
  return found;
}

describe('dfs sample', () => {
  it('the checker tells a depth-first order from a breadth-first one', () => {
    const graph = toGraph(sampleGraph(dfs));
    expect(isDepthFirst(graph, ['A', 'B', 'D', 'G', 'E', 'C', 'F', 'H', 'I', 'J'])).toBe(true);
    expect(isDepthFirst(graph, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'])).toBe(false);
  });

  it.each<[string, GraphologyJson, string]>([
    ['the ten-node graph', sampleGraph(dfs), 'A'],
    ['a 6 × 6 grid', gridGraph(6, 6), '0,0'],
    ['a random graph', randomGraph(60, 100, 'dfs'), 'n5'],
  ])('on %s: a depth-first order of every node graphology-traversal reaches', async (_name, data, start) => {
    const graph = toGraph(data);
    const order = (await result(data, { start })) as string[];
    expect(order[0]).toBe(start);
    expect(new Set(order)).toEqual(reachable(graph, start));
    expect(isDepthFirst(graph, order)).toBe(true);
  });
});
