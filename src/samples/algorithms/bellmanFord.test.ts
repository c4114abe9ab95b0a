import type Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { shortestDistances } from '../../../test/reference';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { randomGraph } from '../graphs/generators';
import { bellmanFord } from './bellmanFord';

const { run, result } = sampleRunner(bellmanFord);

/** Shortest distances by trying every simple path: slow, but obviously right without negative cycles. */
function bruteForce(graph: Graph, start: string): Map<string, number> {
  const best = new Map<string, number>();
  const walk = (node: string, length: number, onPath: Set<string>): void => {
    if (length < (best.get(node) ?? Infinity)) best.set(node, length);
    graph.forEachOutEdge(node, (_e, attr, _s, next) => {
      if (!onPath.has(next)) walk(next, length + (attr.weight as number), new Set(onPath).add(next));
    });
  };
  walk(start, 0, new Set([start]));
  return best;
}

/** A random directed graph re-weighted by a potential p: w' = w + p(u) − p(v). Some w' < 0, yet no cycle is negative. */
function reweighted(p: (node: string) => number): GraphologyJson {
  const data = randomGraph(40, 110, 'bellman', { directed: true, weighted: true });
  for (const e of data.edges) e.attributes = { weight: (e.attributes!.weight as number) + p(e.source) - p(e.target) };
  return data;
}

describe('bellman-ford sample', () => {
  it('finds the distances from s, negative ones included, as trying every path does', async () => {
    const dist = await result();
    expect(dist).toEqual(new Map(Object.entries({ s: 0, a: 1, b: 5, c: 5, d: 3, e: 5 })));
    expect(dist).toEqual(bruteForce(toGraph(sampleGraph(bellmanFord)), 's'));
  });

  it('needs every one of its |V| − 1 rounds on the sample: each round finds more', async () => {
    const r = await run();
    const rounds = r.trace.output.map((o) => o.text.trim()).filter((t) => t.startsWith('round'));
    expect(rounds).toEqual([1, 2, 3, 4, 5].map((k) => `round ${k}: improved`));
  });

  it('agrees with graphology-shortest-path on a random graph with positive weights', async () => {
    const data = randomGraph(40, 110, 'bellman', { directed: true, weighted: true });
    expect(await result(data, { start: 'n0' })).toEqual(shortestDistances(toGraph(data), 'n0'));
  });

  it('handles negative edges on a bigger graph: shifted distances d(v) + p(n0) − p(v)', async () => {
    const p = (node: string): number => (Number(node.slice(1)) * 7) % 13;
    const data = reweighted(p);
    expect(data.edges.some((e) => (e.attributes!.weight as number) < 0)).toBe(true);
    const plainDist = shortestDistances(
      toGraph(randomGraph(40, 110, 'bellman', { directed: true, weighted: true })),
      'n0',
    );
    const expected = new Map([...plainDist].map(([v, d]) => [v, d + p('n0') - p(v)]));
    expect(await result(data, { start: 'n0' })).toEqual(expected);
  });

  it('stops with an error on a negative cycle', async () => {
    const data = structuredClone(sampleGraph(bellmanFord));
    data.edges.find((e) => e.key === 'e->b')!.attributes = { weight: -1 }; // b → a → c → d → e → b costs −1
    const r = await run(data);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'runner', code: 'RUNNER_EXCEPTION' });
    expect(r.error?.message).toMatch(/^negative cycle reachable from s/);
  });
});
