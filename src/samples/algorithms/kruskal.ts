import type { SampleAlgorithm } from '../types';

export const kruskal: SampleAlgorithm = {
  id: 'kruskal',
  title: 'Kruskal’s minimum spanning tree',
  description: 'Take edges cheapest first, skipping any that would close a cycle; union–find tells which.',
  graph: 'towns',
  code: `// Kruskal's minimum spanning tree: go through the edges from cheapest to dearest and keep each
// edge that joins two different trees of the forest built so far (an edge inside one tree would
// close a cycle). A union–find structure answers "same tree?" in almost constant time.
//
// Reading the trace: \`parent\` shows the union–find forest as badges: each node points towards
// the root of its tree (a root points to itself). Watch \`find\` recurse up to the root and then
// flatten the way (path compression). \`edge\` lights up the edge considered, \`tree\` the kept ones.
const parent = new Map<string, string>();
const rank = new Map<string, number>(); // an upper bound on each root's tree height
for (const node of graph.nodes()) {
  parent.set(node, node);
  rank.set(node, 0);
}

// The root of node's tree; on the way back, point every node passed straight at the root.
function find(node: string): string {
  const up = parent.get(node)!;
  if (up === node) return node;
  const root = find(up);
  parent.set(node, root);
  return root;
}

// Merge the trees of a and b, the lower one under the higher; false if already one tree.
function union(a: string, b: string): boolean {
  let rootA = find(a);
  let rootB = find(b);
  if (rootA === rootB) return false;
  if (rank.get(rootA)! < rank.get(rootB)!) [rootA, rootB] = [rootB, rootA];
  parent.set(rootB, rootA);
  if (rank.get(rootA) === rank.get(rootB)) rank.set(rootA, rank.get(rootA)! + 1);
  return true;
}

const weight = (edge: string): number => graph.getEdgeAttribute(edge, 'weight');
const tree: string[] = [];
let total = 0;

for (const edge of graph.edges().sort((a, b) => weight(a) - weight(b))) {
  if (union(graph.source(edge), graph.target(edge))) {
    tree.push(edge);
    total += weight(edge);
    console.log(\`take \${edge} (weight \${weight(edge)}), total \${total}\`);
  } else {
    console.log(\`skip \${edge}: both ends are already in one tree\`);
  }
  if (tree.length === graph.order - 1) break; // a spanning tree is complete
}

export default { total, tree };
`,
};
