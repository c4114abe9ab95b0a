import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { gridGraph, randomGraph } from '../graphs/generators';
import { greedyColouring } from './greedyColouring';

const { result } = sampleRunner(greedyColouring);

describe('greedy colouring sample', () => {
  it('colours the Petersen graph with its chromatic number, 3', async () => {
    const colour = (await result()) as Map<string, number>;
    expect(new Set(colour.values())).toEqual(new Set([0, 1, 2]));
  });

  it.each<[string, GraphologyJson, number]>([
    ['the Petersen graph', sampleGraph(greedyColouring), 3],
    ['a 6 × 6 grid', gridGraph(6, 6), 2],
    ['a random graph', randomGraph(60, 180, 'colour'), Infinity],
  ])('on %s: every node coloured, no edge within one colour', async (_name, data, atMost) => {
    const graph = toGraph(data);
    const colour = (await result(data)) as Map<string, number>;
    expect(new Set(colour.keys())).toEqual(new Set(graph.nodes()));
    graph.forEachEdge((e, _a, s, t) => expect(colour.get(s), `edge ${e}`).not.toBe(colour.get(t)));
    const used = new Set(colour.values());
    const maxDegree = Math.max(...graph.nodes().map((n) => graph.degree(n)));
    expect(used.size).toBeLessThanOrEqual(Math.min(atMost, maxDegree + 1));
    expect([...used].sort((a, b) => a - b)).toEqual([...used.keys()].map((_, i) => i));
  });
});
