import type { SampleAlgorithm } from '../types';

export const astar: SampleAlgorithm = {
  id: 'astar',
  title: 'A* search',
  description: 'Dijkstra with a sense of direction: a straight-line estimate pulls the search towards the goal.',
  graph: 'maze',
  code: `// A* search from the top-left cell of a maze to the bottom-right one. Like Dijkstra, it expands
// the most promising node first, but "promising" adds to the distance travelled so far (\`g\`) an
// estimate of the distance still to go (\`h\`): the straight line to the goal, measured on the
// nodes' x/y positions. The estimate pulls the search towards the goal, so fewer nodes are expanded.
//
// Reading the trace: \`g\` shows the best known distance from the start as a badge on each node.
// \`open\` lights up the nodes waiting to be expanded, \`closed\` the expanded ones, \`node\` the one
// being expanded and \`edge\` the edge being tried. At the end, \`path\` lights up the way found.
const start = '0,0';
const goal = '3,4';

// Straight-line distance between two nodes, from their positions.
function distance(a: string, b: string): number {
  const dx = graph.getNodeAttribute(a, 'x') - graph.getNodeAttribute(b, 'x');
  const dy = graph.getNodeAttribute(a, 'y') - graph.getNodeAttribute(b, 'y');
  return Math.hypot(dx, dy);
}

// The estimate must never be more than the real remaining cost, or A* could miss the best path.
// Edge weights are costs, not pixels, so scale the straight line by the cheapest cost per pixel.
let costPerPixel = Infinity;
for (const edge of graph.edges()) {
  const length = distance(graph.source(edge), graph.target(edge));
  costPerPixel = Math.min(costPerPixel, graph.getEdgeAttribute(edge, 'weight') / length);
}
const h = (node: string): number => costPerPixel * distance(node, goal);

const g = new Map<string, number>([[start, 0]]);
const previous = new Map<string, string>();
const open = new Set<string>([start]);
const closed = new Set<string>();
let path: string[] = [];

while (open.size > 0) {
  // Expand the open node with the smallest g + h.
  let node = start;
  let best = Infinity;
  for (const candidate of open) {
    const f = g.get(candidate)! + h(candidate);
    if (f < best) {
      node = candidate;
      best = f;
    }
  }
  if (node === goal) {
    // Walk back through \`previous\` to rebuild the path.
    path = [goal];
    while (path[0] !== start) path.unshift(previous.get(path[0])!);
    break;
  }
  open.delete(node);
  closed.add(node);

  for (const edge of graph.outboundEdges(node)) {
    const next = graph.opposite(node, edge);
    if (closed.has(next)) continue;
    const candidate = g.get(node)! + graph.getEdgeAttribute(edge, 'weight');
    if (candidate < (g.get(next) ?? Infinity)) {
      g.set(next, candidate);
      previous.set(next, node);
      open.add(next);
    }
  }
}

console.log(path.length > 0 ? \`path of cost \${g.get(goal)}: \${path.join(' → ')}\` : 'no path');
export default { path, cost: g.get(goal) };
`,
};
