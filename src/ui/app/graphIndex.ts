import type { GraphologyJson } from '../../protocol/graph';
import type { GraphState } from '../../tracer/graphState';
import { edgeFinder, type EdgeFinder } from '../../tracer/drawing';

/** The step's graph as lookups: what a variable's values are checked against to draw fills and trees. */
export interface GraphIndex {
  /** Node keys: the doc's and the ones the script added. */
  nodes: Set<string>;
  /** Edge keys, likewise. */
  edgeKeys: Set<string>;
  /** The edge between two nodes. */
  findEdge: EdgeFinder;
}

/** Indexes the doc's graph with the elements a script added up to the step. */
export function graphIndex(graph: GraphologyJson, structure: GraphState | undefined): GraphIndex {
  const nodes = new Set(graph.nodes.map((n) => n.key));
  for (const k of structure?.addedNodes.keys() ?? []) nodes.add(k);
  const edges = graph.edges.map((e, i) => ({ key: e.key ?? `e${i}`, source: e.source, target: e.target }));
  for (const [key, e] of structure?.addedEdges ?? []) edges.push({ key, source: e.source, target: e.target });
  return { nodes, edgeKeys: new Set(edges.map((e) => e.key)), findEdge: edgeFinder(edges) };
}
