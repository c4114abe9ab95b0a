import type Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { randomGraph } from '../graphs/generators';
import { edmondsKarp } from './edmondsKarp';

const { result } = sampleRunner(edmondsKarp);

/**
 * Checks that `flow` is a feasible flow of value `value` from s to t and that it is maximum: the
 * nodes still reachable from s in the residual graph form a cut whose capacity equals the value
 * (max-flow min-cut). Returns that cut's capacity.
 */
function checkMaxFlow(graph: Graph, flow: Map<string, number>, value: number, s: string, t: string): number {
  const cap = (e: string): number => graph.getEdgeAttribute(e, 'capacity') as number;
  const net = new Map(graph.nodes().map((n) => [n, 0]));
  graph.forEachEdge((e, _a, from, to) => {
    const f = flow.get(e)!;
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(cap(e));
    net.set(from, net.get(from)! - f).set(to, net.get(to)! + f);
  });
  for (const [node, balance] of net)
    expect(balance, `inflow − outflow at ${node}`).toBe(node === s ? -value : node === t ? value : 0);
  const side = new Set([s]);
  for (const node of side) {
    graph.forEachOutEdge(node, (e, _a, _f, to) => void (flow.get(e)! < cap(e) && side.add(to)));
    graph.forEachInEdge(node, (e, _a, from) => void (flow.get(e)! > 0 && side.add(from)));
  }
  expect(side.has(t), 'the sink is cut off in the residual graph').toBe(false);
  return graph.filterEdges((_e, _a, from, to) => side.has(from) && !side.has(to)).reduce((sum, e) => sum + cap(e), 0);
}

/** A random directed network with capacities 1–9; every node is reachable from n0. */
function randomNetwork(seed: string): GraphologyJson {
  const data = randomGraph(30, 90, seed, { directed: true, weighted: true });
  for (const e of data.edges) e.attributes = { capacity: e.attributes!.weight };
  return data;
}

/**
 * The shortest augmenting path s→a→b→t blocks both longer ones; the second path must send flow
 * back along a→b to reach the maximum, 2.
 */
const undo: GraphologyJson = {
  options: { type: 'directed' },
  nodes: ['s', 'a', 'b', 'p', 'q', 'r', 'u', 't'].map((key) => ({ key })),
  edges: ['s a', 'a b', 'b t', 'a p', 'p q', 'q t', 's r', 'r u', 'u b'].map((pair) => {
    const [source, target] = pair.split(' ') as [string, string];
    return { key: `${source}->${target}`, source, target, attributes: { capacity: 1 } };
  }),
};

describe('edmonds-karp sample', () => {
  it.each<[string, GraphologyJson, string, string, number | undefined]>([
    ['the pipes', sampleGraph(edmondsKarp), 's', 't', 23],
    ['a network where flow must be sent back', undo, 's', 't', 2],
    ['a random network', randomNetwork('flow'), 'n0', 'n29', undefined],
    ['another random network', randomNetwork('flow 2'), 'n3', 'n17', undefined],
  ])('on %s: a maximum flow, as large as a minimum cut', async (_name, data, source, sink, known) => {
    const graph = toGraph(data);
    const { maxFlow, flow } = (await result(data, { source, sink })) as { maxFlow: number; flow: Map<string, number> };
    if (known !== undefined) expect(maxFlow).toBe(known);
    expect(maxFlow).toBeGreaterThan(0);
    expect(checkMaxFlow(graph, flow, maxFlow, source, sink)).toBe(maxFlow);
  });
});
