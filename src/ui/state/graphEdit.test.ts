import { describe, expect, it } from 'vitest';
import { ten } from '../../samples/graphs/ten';
import {
  addEdge,
  addNode,
  edgeRefusal,
  freeSpot,
  moveNodes,
  nextNodeKey,
  removeElements,
  withEdgeKeys,
} from './graphEdit';

const g = ten.data;

describe('graph edits', () => {
  it('adds a node with the next free key at a rounded position', () => {
    const { graph, key } = addNode(g, { x: 10.6, y: -3.2 });
    expect(key).toBe('K');
    expect(graph.nodes.at(-1)).toEqual({ key: 'K', attributes: { x: 11, y: -3 } });
    expect(g.nodes).toHaveLength(10);
  });

  it('puts a node without a position right of the others', () => {
    expect(freeSpot(g)).toEqual({ x: 720, y: 0 });
    expect(
      nextNodeKey({ nodes: Array.from({ length: 26 }, (_, i) => ({ key: String.fromCharCode(65 + i) })), edges: [] }),
    ).toBe('N27');
  });

  it('adds an edge once; an undirected graph refuses the reverse too', () => {
    const { graph, key } = addEdge(g, 'A', 'J');
    expect(key).toBe('A-J');
    expect(graph.edges).toHaveLength(14);
    expect(addEdge(graph, 'J', 'A').refusal).toBe('J and A are already connected.');
    expect(edgeRefusal(g, 'A', 'nope')).toBe('Select two nodes to connect.');
    const multi = { ...g, options: { type: 'directed' as const, multi: true } };
    expect(addEdge(addEdge(multi, 'A', 'B').graph, 'A', 'B').key).toBe('A-B#3');
  });

  it('removes a node with its edges, and an edge alone', () => {
    const noE = removeElements(g, new Set(['E']));
    expect(noE.nodes.map((n) => n.key)).not.toContain('E');
    expect(noE.edges.some((e) => e.source === 'E' || e.target === 'E')).toBe(false);
    expect(removeElements(g, new Set(['I-J'])).edges).toHaveLength(12);
    expect(removeElements(g, new Set(['nothing']))).toBe(g);
  });

  it('moves nodes to rounded positions and keeps the graph when nothing moved', () => {
    const moved = moveNodes(g, new Map([['A', { x: 5.5, y: 6.4 }]]));
    expect(moved.nodes[0]?.attributes).toEqual({ x: 6, y: 6 });
    expect(moveNodes(g, new Map([['A', { x: 0, y: 0 }]]))).toBe(g);
  });

  it('gives every edge a unique key', () => {
    const keyless = {
      nodes: [{ key: 'a' }, { key: 'b' }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'a', target: 'b' },
      ],
    };
    expect(withEdgeKeys(keyless).edges.map((e) => e.key)).toEqual(['a-b', 'a-b#2']);
    expect(withEdgeKeys(g)).toBe(g);
  });
});
