import { describe, expect, it } from 'vitest';
import type { CytoscapeJson, GraphologyJson } from '../protocol/graph';
import { buildGraph, fromCytoscape, toCytoscape } from './graphController';

const built = (input: unknown) => {
  const r = buildGraph(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const graphs: Array<[string, GraphologyJson]> = [
  [
    'directed with attributes',
    {
      options: { type: 'directed', multi: false, allowSelfLoops: true },
      attributes: { name: 'roads' },
      nodes: [
        { key: 'A', attributes: { x: 0, y: 1, label: 'start' } },
        { key: 'B', attributes: { x: 2, y: 3 } },
      ],
      edges: [{ key: 'ab', source: 'A', target: 'B', attributes: { weight: 4 } }],
    },
  ],
  [
    'undirected',
    {
      options: { type: 'undirected', multi: false, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'A' }, { key: 'B' }, { key: 'C' }],
      edges: [
        { key: 'e1', source: 'A', target: 'B' },
        { key: 'e2', source: 'B', target: 'C' },
      ],
    },
  ],
  [
    'multi with parallel edges and self-loops',
    {
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'A' }, { key: 'B' }],
      edges: [
        { key: 'p1', source: 'A', target: 'B', attributes: { w: 1 } },
        { key: 'p2', source: 'A', target: 'B', attributes: { w: 2 } },
        { key: 'loop', source: 'A', target: 'A' },
      ],
    },
  ],
  [
    'mixed',
    {
      options: { type: 'mixed', multi: false, allowSelfLoops: true },
      attributes: {},
      nodes: [{ key: 'A' }, { key: 'B' }, { key: 'C' }],
      edges: [
        { key: 'd', source: 'A', target: 'B' },
        { key: 'u', source: 'B', target: 'C', undirected: true },
      ],
    },
  ],
];

describe('graphology JSON', () => {
  it.each(graphs)('[T-GRAPH1] %s: import then export gives the same graph', (_name, json) => {
    const g = built(json);
    expect(g.type).toBe(json.options?.type);
    expect(g.multi).toBe(json.options?.multi);
    const out = g.export();
    expect(out.options).toEqual(json.options);
    expect(out.nodes.map((n) => [n.key, n.attributes ?? {}])).toEqual(
      json.nodes.map((n) => [n.key, n.attributes ?? {}]),
    );
    expect(out.edges.map((e) => [e.key, e.source, e.target, e.undirected ?? false, e.attributes ?? {}])).toEqual(
      json.edges.map((e) => [e.key, e.source, e.target, e.undirected ?? false, e.attributes ?? {}]),
    );
  });

  it('[T-GRAPH1] missing options mean a mixed, simple graph that allows self-loops', () => {
    const g = built({ nodes: [{ key: 'A' }], edges: [{ source: 'A', target: 'A' }] });
    expect([g.type, g.multi, g.allowSelfLoops, g.size]).toEqual(['mixed', false, true, 1]);
  });
});

describe('Cytoscape JSON', () => {
  const cy: CytoscapeJson = {
    directed: true,
    elements: {
      nodes: [
        { data: { id: 'A', label: 'start' }, position: { x: 10, y: 20 } },
        { data: { id: 'B' }, position: { x: 30, y: 40 } },
        { data: { id: 'C', x: 'not a number' } },
      ],
      edges: [
        { data: { id: 'ab1', source: 'A', target: 'B', weight: 3 } },
        { data: { id: 'ab2', source: 'A', target: 'B', weight: 5 } },
        { data: { id: 'cc', source: 'C', target: 'C' } },
      ],
    },
  };

  it('[T-GRAPH2] becomes a directed multi graph; positions become x/y and edge ids keys', () => {
    const g = built(cy);
    expect([g.type, g.multi, g.order, g.size]).toEqual(['directed', true, 3, 3]);
    expect(g.getNodeAttributes('A')).toEqual({ label: 'start', x: 10, y: 20 });
    expect(g.getEdgeAttributes('ab2')).toEqual({ weight: 5 });
    expect(g.hasEdge('cc')).toBe(true);
    expect(built({ ...cy, directed: false }).type).toBe('undirected');
  });

  it('[T-GRAPH2] toCytoscape turns it back (directed and undirected, parallel edges, self-loops)', () => {
    expect(toCytoscape(fromCytoscape(cy))).toEqual(cy);
    const undirected = { ...cy, directed: false };
    expect(toCytoscape(fromCytoscape(undirected))).toEqual(undirected);
    expect(toCytoscape(built(cy).export() as GraphologyJson)).toEqual(cy);
  });
});
