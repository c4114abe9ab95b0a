import type { SampleAlgorithm } from '../types';

export const prim: SampleAlgorithm = {
  id: 'prim',
  title: 'Prim’s minimum spanning tree',
  description: 'Grow one tree from a start node, always by the cheapest edge that leaves it.',
  graph: 'towns',
  code: `// Prim's minimum spanning tree: the cheapest set of edges that connects every node. Start with
// a tree of one node and, again and again, add the cheapest edge joining the tree to a node
// outside it. (The cheapest edge across any split of the nodes is always safe to take.)
//
// Reading the trace: \`inTree\` lights up the tree's nodes and \`tree\` its edges. \`cost\` shows, as a
// badge on each node next to the tree, the cheapest edge known that would join it; \`node\` is the
// node joining now, by \`edge\`.
const start = graph.hasNode('A') ? 'A' : graph.nodes()[0]!;
const inTree = new Set<string>();
const tree: string[] = [];
const cost = new Map<string, number>(); // node outside the tree → cheapest known edge weight to it
const via = new Map<string, string>(); // node outside the tree → that edge
let total = 0;

// Add a node to the tree, and offer its edges to the nodes outside.
function join(node: string): void {
  inTree.add(node);
  cost.delete(node);
  for (const edge of graph.edges(node)) {
    const next = graph.opposite(node, edge);
    const weight = graph.getEdgeAttribute(edge, 'weight');
    if (!inTree.has(next) && weight < (cost.get(next) ?? Infinity)) {
      cost.set(next, weight);
      via.set(next, edge);
    }
  }
}

join(start);
while (cost.size > 0) {
  // The node outside the tree with the cheapest edge to it.
  let node = start;
  let cheapest = Infinity;
  for (const [candidate, weight] of cost) {
    if (weight < cheapest) {
      node = candidate;
      cheapest = weight;
    }
  }
  const edge = via.get(node)!;
  tree.push(edge);
  total += cheapest;
  console.log(\`take \${edge} (weight \${cheapest}), total \${total}\`);
  join(node);
}

export default { total, tree };
`,
};
