import type { CytoscapeJson, GraphologyJson } from '../protocol/graph';
import { GraphBuilder, isRecord } from './builder';
import { FORMAT_CODES, FormatError } from './errors';
import { parseJson } from './json';
import type { FormatLimits } from './limits';
import type { GraphFormat } from './types';

const READER = 'cytoscape';
const bad = (message: string): FormatError => new FormatError(FORMAT_CODES.BAD_GRAPH, READER, message);

/** The elements of any of Cytoscape's JSON forms: `{ elements: { nodes, edges } }`, `{ elements: [...] }`, `[...]`. */
function elementsOf(json: unknown): { nodes: unknown[]; edges: unknown[]; directed: boolean } {
  const directed = isRecord(json) && json.directed === true;
  const el = isRecord(json) ? json.elements : json;
  if (Array.isArray(el)) {
    const isEdge = (e: unknown): boolean =>
      isRecord(e) && (e.group === 'edges' || (e.group === undefined && isRecord(e.data) && 'source' in e.data));
    return { nodes: el.filter((e) => !isEdge(e)), edges: el.filter(isEdge), directed };
  }
  if (!isRecord(el)) throw bad('the JSON has no "elements"');
  const { nodes = [], edges = [] } = el;
  if (!Array.isArray(nodes) || !Array.isArray(edges)) throw bad('"elements" needs "nodes" and "edges" arrays');
  return { nodes, edges, directed };
}

/** Reads Cytoscape JSON (elements with `data`, node `position` → `x`/`y`); `directed: true` makes a directed graph. */
export function readCytoscape(json: unknown, limits?: FormatLimits): GraphologyJson {
  const { nodes, edges, directed } = elementsOf(json);
  const b = new GraphBuilder(READER, directed ? 'directed' : 'undirected', limits);
  nodes.forEach((n, i) => {
    if (!isRecord(n) || !isRecord(n.data)) throw bad(`node ${i + 1} has no "data" object`);
    const { id, ...attributes } = n.data;
    const p = n.position;
    if (isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number')
      Object.assign(attributes, { x: p.x, y: p.y });
    b.node(id, attributes, `node ${i + 1}`);
  });
  edges.forEach((e, i) => {
    if (!isRecord(e) || !isRecord(e.data)) throw bad(`edge ${i + 1} has no "data" object`);
    const { id, source, target, ...attributes } = e.data;
    b.edge(source, target, attributes, `edge ${i + 1}`, { key: id });
  });
  return b.build();
}

/** Graphology JSON → Cytoscape elements: `x`/`y` attributes become positions. */
export function writeCytoscape(g: GraphologyJson): CytoscapeJson {
  const nodes = g.nodes.map(({ key, attributes = {} }) => {
    const { x, y, ...rest } = attributes;
    if (typeof x === 'number' && typeof y === 'number') return { data: { ...rest, id: key }, position: { x, y } };
    return { data: { ...attributes, id: key } };
  });
  const edges = g.edges.map(({ key, source, target, attributes = {} }) => ({
    data: { ...attributes, ...(key === undefined ? {} : { id: key }), source, target },
  }));
  return { elements: { nodes, edges }, directed: g.options?.type === 'directed' };
}

/** Cytoscape's JSON (`cy.json()`'s `elements`, or an array of elements). */
export const cytoscapeFormat: GraphFormat = {
  id: 'cytoscape',
  title: 'Cytoscape JSON',
  extensions: ['.cyjs', '.json'],
  mime: 'application/json',
  sniff: (head) =>
    (head.startsWith('{') && /"elements"\s*:/.test(head)) || (head.startsWith('[') && /"data"\s*:/.test(head)),
  parse: (text, limits) => readCytoscape(parseJson(text, READER), limits),
  write: (graph) => `${JSON.stringify(writeCytoscape(graph), null, 2)}\n`,
};
