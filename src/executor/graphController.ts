import Graph from 'graphology';
import type { CytoscapeJson, GraphInput, GraphologyJson } from '../protocol/graph';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';

const isCytoscape = (g: GraphInput): g is CytoscapeJson =>
  typeof g === 'object' && g !== null && 'elements' in g && typeof (g as CytoscapeJson).elements === 'object';

/** Cytoscape elements → graphology JSON; positions become `x`/`y` attributes. */
export function fromCytoscape(c: CytoscapeJson): GraphologyJson {
  const nodes = (c.elements.nodes ?? []).map((n) => {
    const { id, ...rest } = n.data;
    const attributes: Record<string, unknown> = { ...rest };
    if (n.position) {
      attributes.x = n.position.x;
      attributes.y = n.position.y;
    }
    return { key: String(id), attributes };
  });
  const edges = (c.elements.edges ?? []).map((e) => {
    const { id, source, target, ...rest } = e.data;
    return {
      ...(id === undefined ? {} : { key: String(id) }),
      source: String(source),
      target: String(target),
      attributes: rest,
    };
  });
  return { options: { type: c.directed ? 'directed' : 'undirected', multi: true }, nodes, edges };
}

/** Graphology JSON → Cytoscape elements (the inverse of `fromCytoscape`): `x`/`y` attributes become positions. */
export function toCytoscape(g: GraphologyJson): CytoscapeJson {
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

/** Builds the graphology graph a run injects as `graph`; a malformed graph is a clear error, not a crash. */
export function buildGraph(input: unknown): Result<Graph, string> {
  if (typeof input !== 'object' || input === null) return err('the graph must be an object');
  if (isCytoscape(input as GraphInput)) {
    const el = (input as CytoscapeJson).elements as Partial<CytoscapeJson['elements']> | null;
    if (!el || !Array.isArray(el.nodes ?? []) || !Array.isArray(el.edges ?? [])) {
      return err('Cytoscape "elements" needs "nodes" and "edges" arrays');
    }
  }
  try {
    // inside the try: a Cytoscape element without `data` is a bad graph, not a crash
    const data = isCytoscape(input as GraphInput) ? fromCytoscape(input as CytoscapeJson) : (input as GraphologyJson);
    if (!Array.isArray(data.nodes))
      return err('the graph needs a "nodes" array (graphology JSON) or "elements" (Cytoscape JSON)');
    if (data.edges !== undefined && !Array.isArray(data.edges)) return err('the graph\'s "edges" must be an array');
    const options = data.options ?? {};
    const graph = new Graph({
      type: options.type ?? 'mixed',
      multi: options.multi ?? false,
      allowSelfLoops: options.allowSelfLoops ?? true,
    });
    graph.import({ ...data, edges: data.edges ?? [] });
    return ok(graph);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
