import Graph from 'graphology';
import { countConnectedComponents } from 'graphology-components';
import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { gridGraph, randomGraph } from './generators';

const load = (data: ReturnType<typeof gridGraph>): Graph => Graph.from(data as never);

describe('gridGraph', () => {
  it('is a rows × cols lattice with "r,c" keys at lattice positions', () => {
    const graph = load(gridGraph(3, 4));
    expect(graph.order).toBe(12);
    expect(graph.size).toBe(3 * 3 + 2 * 4);
    expect(graph.getNodeAttributes('2,3')).toEqual({ x: 150, y: 100 });
    expect(graph.neighbors('1,1').sort()).toEqual(['0,1', '1,0', '1,2', '2,1']);
    expect(graph.hasEdgeAttribute('0,0', '0,1', 'weight')).toBe(false);
  });

  it('gives seeded integer weights in 1–9: same seed, same graph', () => {
    const a = gridGraph(10, 10, { weighted: true, seed: 7 });
    expect(gridGraph(10, 10, { weighted: true, seed: 7 })).toEqual(a);
    expect(gridGraph(10, 10, { weighted: true, seed: 8 })).not.toEqual(a);
    const weights = a.edges.map((e) => e.attributes?.weight as number);
    expect(weights.every((w) => Number.isInteger(w) && w >= 1 && w <= 9)).toBe(true);
    expect(new Set(weights).size).toBe(9);
  });

  it('builds the benchmark grid of 10,000 nodes', () => {
    const graph = load(gridGraph(100, 100, { weighted: true }));
    expect([graph.order, graph.size]).toEqual([10_000, 19_800]);
  });
});

describe('randomGraph', () => {
  it('has n nodes and m distinct edges without self-loops, and is connected when m ≥ n − 1', () => {
    const data = randomGraph(50, 80, 'x');
    const graph = load(data);
    expect([graph.order, graph.size]).toEqual([50, 80]);
    expect(graph.selfLoopCount).toBe(0);
    expect(countConnectedComponents(graph)).toBe(1);
  });

  it('directed: every node is reachable from n0', () => {
    const graph = load(randomGraph(40, 60, 'y', { directed: true }));
    expect(graph.type).toBe('directed');
    let reached = 0;
    bfsFromNode(graph, 'n0', () => void reached++);
    expect(reached).toBe(40);
  });

  it('is the same for the same seed and different for another', () => {
    expect(randomGraph(30, 60, 's', { weighted: true })).toEqual(randomGraph(30, 60, 's', { weighted: true }));
    expect(randomGraph(30, 60, 's')).not.toEqual(randomGraph(30, 60, 't'));
  });

  it('can fill a complete graph, and refuses more edges than fit', () => {
    expect(randomGraph(6, 15, 1).edges).toHaveLength(15);
    expect(randomGraph(6, 30, 1, { directed: true }).edges).toHaveLength(30);
    expect(() => randomGraph(6, 16, 1)).toThrow(RangeError);
  });

  it('places the nodes on a circle in the 500 × 500 view', () => {
    for (const { attributes } of randomGraph(12, 20, 'c').nodes) {
      const { x, y } = attributes as { x: number; y: number };
      expect(Math.hypot(x - 250, y - 250)).toBeCloseTo(250, -1);
    }
  });
});
