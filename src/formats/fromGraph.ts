import Graph from 'graphology';
import type { GraphologyJson } from '../protocol/graph';
import { GraphBuilder } from './builder';
import type { FormatLimits } from './limits';

/** A graphology graph (what graphology-graphml and graphology-gexf give) → graphology JSON through the builder's bounds. */
export function fromGraph(
  graph: Graph,
  reader: string,
  edgeIds: ReadonlyArray<string | null>,
  limits?: FormatLimits,
  type: Graph['type'] = graph.type,
): GraphologyJson {
  const b = new GraphBuilder(reader, type, limits);
  b.attributes = { ...graph.getAttributes() };
  graph.forEachNode((key, attributes) => b.node(key, attributes, `node "${key}"`));
  let i = 0;
  graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
    // an edge the file gave no id got a made-up key from graphology: let the builder name it instead
    const id = edgeIds[i++];
    b.edge(source, target, attributes, `edge ${i}`, { key: id ? key : undefined, undirected });
  });
  return b.build();
}

/** Graphology JSON → a graphology graph (for writers that take one). */
export function toGraph(g: GraphologyJson): Graph {
  const graph = new Graph({ type: g.options?.type ?? 'mixed', multi: true, allowSelfLoops: true });
  graph.import({ ...g, options: { type: g.options?.type ?? 'mixed', multi: true, allowSelfLoops: true } });
  return graph;
}
