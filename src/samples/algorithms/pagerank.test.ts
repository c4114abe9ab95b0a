import reference from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { randomGraph } from '../graphs/generators';
import { pagerank } from './pagerank';

const { result } = sampleRunner(pagerank);

describe('pagerank sample', () => {
  it.each<[string, GraphologyJson]>([
    ['the web pages', sampleGraph(pagerank)],
    ['a random directed graph', randomGraph(40, 80, 'pagerank', { directed: true })],
  ])('on %s: the scores of graphology-metrics, within 1e-3, adding up to 1', async (_name, data) => {
    const graph = toGraph(data);
    expect(
      graph.someNode((n) => graph.outDegree(n) === 0),
      'the graph has a page without links',
    ).toBe(true);
    const rank = (await result(data)) as Map<string, number>;
    const expected = reference(graph, { getEdgeWeight: null, alpha: 0.85, tolerance: 1e-12, maxIterations: 1000 });
    expect(rank.size).toBe(graph.order);
    for (const [node, score] of Object.entries(expected))
      expect(Math.abs(rank.get(node)! - score), node).toBeLessThan(1e-3);
    expect([...rank.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('ranks home first, and post (linked only from the blog) last', async () => {
    const rank = (await result()) as Map<string, number>;
    const sorted = [...rank].sort((a, b) => b[1] - a[1]).map(([n]) => n);
    expect(sorted[0]).toBe('home');
    expect(sorted.at(-1)).toBe('post');
  });
});
