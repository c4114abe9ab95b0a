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
    return { ...(id === undefined ? {} : { key: String(id) }), source: String(source), target: String(target), attributes: rest };
  });
  return { options: { type: c.directed ? 'directed' : 'undirected', multi: true }, nodes, edges };
}

/** Builds the graphology graph a run injects as `graph`; a malformed graph is a clear error, not a crash. */
export function buildGraph(input: unknown): Result<Graph, string> {
  if (typeof input !== 'object' || input === null) return err('the graph must be an object');
  const data = isCytoscape(input as GraphInput) ? fromCytoscape(input as CytoscapeJson) : (input as GraphologyJson);
  if (!Array.isArray(data.nodes)) return err('the graph needs a "nodes" array (graphology JSON) or "elements" (Cytoscape JSON)');
  if (data.edges !== undefined && !Array.isArray(data.edges)) return err('the graph\'s "edges" must be an array');
  try {
    const options = data.options ?? {};
    const graph = new Graph({ type: options.type ?? 'mixed', multi: options.multi ?? false, allowSelfLoops: options.allowSelfLoops ?? true });
    graph.import({ ...data, edges: data.edges ?? [] } as Parameters<Graph['import']>[0]);
    return ok(graph);
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
