import type Graph from 'graphology';
import { hasCycle, topologicalSort as reference } from 'graphology-dag';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { randomGraph } from '../graphs/generators';
import { topologicalSort } from './topologicalSort';

const { run, result } = sampleRunner(topologicalSort);

/** Whether `order` lists every node once, each edge's source before its target. */
function isTopological(graph: Graph, order: readonly string[]): boolean {
  const at = new Map(order.map((node, i) => [node, i]));
  if (at.size !== graph.order || order.length !== graph.order || !graph.everyNode((n) => at.has(n))) return false;
  return graph.everyEdge((_e, _a, s, t) => at.get(s)! < at.get(t)!);
}

/** A random DAG: a random undirected graph, every edge turned from the lower-numbered node to the higher. */
function randomDag(): GraphologyJson {
  const data = randomGraph(50, 120, 'topo');
  const n = (key: string): number => Number(key.slice(1));
  const edges = data.edges.map(({ source, target }) => (n(source) < n(target) ? [source, target] : [target, source]));
  return {
    ...data,
    options: { type: 'directed' },
    edges: edges.map(([source, target]) => ({ source: source!, target: target! })),
  };
}

describe('topological sort sample', () => {
  it.each<[string, GraphologyJson]>([
    ['the courses', sampleGraph(topologicalSort)],
    ['a random DAG', randomDag()],
  ])('orders %s validly, as graphology-dag does', async (_name, data) => {
    const graph = toGraph(data);
    expect(hasCycle(graph)).toBe(false);
    const order = (await result(data)) as string[];
    expect(isTopological(graph, order)).toBe(true);
    expect(order).toEqual(reference(graph));
  });

  it('the checker rejects an order with an edge pointing back', () => {
    const graph = toGraph(sampleGraph(topologicalSort));
    expect(isTopological(graph, reference(graph).reverse())).toBe(false);
  });

  it('stops with an error on a cycle', async () => {
    const data = structuredClone(sampleGraph(topologicalSort));
    data.edges.push({ key: 'thesis->prog', source: 'thesis', target: 'prog' });
    const r = await run(data);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({
      kind: 'runner',
      code: 'RUNNER_EXCEPTION',
      message: 'there is a cycle: 9 nodes never became ready',
    });
  });
});
