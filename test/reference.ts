// Independent answers the sample tests compare against: graphology's own implementations where
// one exists, and short textbook checks where none does.
import Graph from 'graphology';
import { countConnectedComponents } from 'graphology-components';
import { dijkstra } from 'graphology-shortest-path';

/** The weight of a path given as nodes, through the edges between consecutive nodes. */
export function pathWeight(graph: Graph, path: readonly string[], attribute = 'weight'): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const edge = graph.edge(path[i - 1], path[i]);
    if (edge === undefined) throw new Error(`no edge ${path[i - 1]} → ${path[i]}`);
    total += graph.getEdgeAttribute(edge, attribute) as number;
  }
  return total;
}

/** Shortest distances from `source` to every reachable node, by graphology-shortest-path's Dijkstra. */
export function shortestDistances(graph: Graph, source: string): Map<string, number> {
  const paths = dijkstra.singleSource(graph, source, 'weight');
  return new Map(Object.entries(paths).map(([node, path]) => [node, pathWeight(graph, path)]));
}

/**
 * The weight of a minimum spanning tree (forest), by the cut property in its plainest form: grow
 * from each unreached node, each time taking the cheapest edge that crosses out of the tree.
 */
export function mstWeight(graph: Graph): number {
  const inTree = new Set<string>();
  let total = 0;
  for (const root of graph.nodes()) {
    if (inTree.has(root)) continue;
    inTree.add(root);
    for (;;) {
      let best = Infinity;
      let pick: string | undefined;
      graph.forEachEdge((_e, attr, s, t) => {
        const w = attr.weight as number;
        if (inTree.has(s) !== inTree.has(t) && w < best) [best, pick] = [w, inTree.has(s) ? t : s];
      });
      if (pick === undefined) break;
      inTree.add(pick);
      total += best;
    }
  }
  return total;
}

/** Whether `edges` are edges of `graph` forming a spanning tree of it (the graph must be connected). */
export function isSpanningTree(graph: Graph, edges: readonly string[]): boolean {
  if (edges.length !== graph.order - 1 || new Set(edges).size !== edges.length) return false;
  if (!edges.every((e) => graph.hasEdge(e))) return false;
  const tree = new Graph({ type: 'undirected' });
  graph.forEachNode((n) => tree.addNode(n));
  for (const e of edges) tree.mergeEdge(graph.source(e), graph.target(e));
  return countConnectedComponents(tree) === 1;
}
