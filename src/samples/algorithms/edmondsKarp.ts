import type { SampleAlgorithm } from '../types';

export const edmondsKarp: SampleAlgorithm = {
  id: 'edmonds-karp',
  title: 'Maximum flow (Edmonds–Karp)',
  description: 'Push flow along shortest augmenting paths, found by BFS, until none is left.',
  graph: 'pipes',
  code: `// Edmonds–Karp maximum flow from s to t, on directed edges with a \`capacity\` each.
// Repeatedly find an augmenting path, a way from s to t that can still carry more, and push as
// much along it as its tightest edge allows. The path may use an edge forwards if it has room
// left (flow < capacity), or backwards if it carries flow that can be sent another way instead.
// Finding the path by BFS (the fewest edges) is what makes Edmonds–Karp always finish quickly.
//
// Reading the trace: \`flow\` shows the flow on each edge as a badge. Inside \`augmentingPath\`,
// \`reached\` lights up the nodes the BFS got to; then \`path\` lights up the augmenting path and
// \`bottleneck\` says how much it carries. \`maxFlow\` is the total so far.
const source = 's';
const sink = 't';
const capacity = (edge: string): number => graph.getEdgeAttribute(edge, 'capacity');
const flow = new Map<string, number>();
for (const edge of graph.edges()) flow.set(edge, 0);

// BFS from the source over edges that can carry more; the path's edges, or [] if the sink is cut off.
function augmentingPath(): string[] {
  const reached = new Set<string>([source]);
  const via = new Map<string, string>(); // node → the edge the BFS reached it by
  const queue = [source];
  while (queue.length > 0 && !reached.has(sink)) {
    const node = queue.shift()!;
    for (const edge of graph.edges(node)) {
      const forward = graph.source(edge) === node;
      const next = graph.opposite(node, edge);
      const room = forward ? capacity(edge) - flow.get(edge)! : flow.get(edge)!;
      if (room > 0 && !reached.has(next)) {
        reached.add(next);
        via.set(next, edge);
        queue.push(next);
      }
    }
  }
  if (!reached.has(sink)) return [];
  const edges: string[] = [];
  for (let node = sink; node !== source; node = graph.opposite(node, via.get(node)!)) {
    edges.unshift(via.get(node)!);
  }
  return edges;
}

let maxFlow = 0;
let path = augmentingPath();
while (path.length > 0) {
  // How much the path can carry: the least room along it.
  let bottleneck = Infinity;
  let node = source;
  for (const edge of path) {
    const forward = graph.source(edge) === node;
    bottleneck = Math.min(bottleneck, forward ? capacity(edge) - flow.get(edge)! : flow.get(edge)!);
    node = graph.opposite(node, edge);
  }
  // Push it: more flow on forward edges, less on backward ones.
  node = source;
  for (const edge of path) {
    const forward = graph.source(edge) === node;
    flow.set(edge, flow.get(edge)! + (forward ? bottleneck : -bottleneck));
    node = graph.opposite(node, edge);
  }
  maxFlow += bottleneck;
  console.log(\`push \${bottleneck} along \${path.join(', ')}: total \${maxFlow}\`);
  path = augmentingPath();
}

export default { maxFlow, flow };
`,
};
