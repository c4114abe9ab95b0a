import type { SampleAlgorithm } from '../types';

export const dijkstra: SampleAlgorithm = {
  id: 'dijkstra',
  title: 'Dijkstra’s shortest paths',
  description: 'Settle nodes closest first; each settled node relaxes the edges that leave it.',
  graph: 'towns',
  code: `// Dijkstra's shortest paths from A, on a graph whose edges have a non-negative \`weight\`.
// The frontier holds the nodes reached so far but not settled; the closest of them can't be
// reached any cheaper (every other way round costs at least as much), so it is settled next,
// and each edge leaving it may offer its neighbour a shorter distance ("relaxing" the edge).
//
// Reading the trace: \`dist\` shows the best distance known so far as a badge on each node, and
// you can watch the badges drop as edges are relaxed. \`frontier\` lights up the nodes waiting,
// \`done\` the settled ones, \`node\` the one being settled and \`edge\` the edge being relaxed.
const start = graph.hasNode('A') ? 'A' : graph.nodes()[0]!;
const dist = new Map<string, number>([[start, 0]]);
const previous = new Map<string, string>(); // how each node was best reached: the path tree
const frontier = new Set<string>([start]);
const done = new Set<string>();

while (frontier.size > 0) {
  // Pick the closest frontier node. A scan keeps the code short; a binary heap would make
  // this step O(log n) on big graphs.
  let node = start;
  let best = Infinity;
  for (const candidate of frontier) {
    if (dist.get(candidate)! < best) {
      node = candidate;
      best = dist.get(candidate)!;
    }
  }
  frontier.delete(node);
  done.add(node);

  // outboundEdges: the edges leaving \`node\` (all of its edges, in an undirected graph).
  for (const edge of graph.outboundEdges(node)) {
    const next = graph.opposite(node, edge);
    if (done.has(next)) continue;
    const candidate = best + graph.getEdgeAttribute(edge, 'weight');
    if (candidate < (dist.get(next) ?? Infinity)) {
      dist.set(next, candidate);
      previous.set(next, node);
      frontier.add(next);
    }
  }
}

export default dist;
`,
};
