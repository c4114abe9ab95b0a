import type { SampleAlgorithm } from '../types';

export const dfs: SampleAlgorithm = {
  id: 'dfs',
  title: 'Depth-first search (recursive)',
  description: 'Go as deep as possible before backing up; the call stack is the path from the start.',
  graph: 'ten',
  code: `// Depth-first search from A, written recursively: follow one neighbour as far as it goes,
// and only when a node has no unvisited neighbour left, back up to try the next one.
//
// Reading the trace: \`node\` lights up the node being entered, and each call of \`visit\` is a
// new frame on the call stack, so the stack depth is how deep the search is. \`visited\` lights up
// every node seen so far, \`parent\` shows as a badge on each node who discovered it, and
// \`order\` is the visiting order, returned at the end.
const start = graph.hasNode('A') ? 'A' : graph.nodes()[0]!;
const visited = new Set<string>();
const parent = new Map<string, string>();
const order: string[] = [];

function visit(node: string): void {
  visited.add(node);
  order.push(node);
  console.log(\`enter \${node}\`);
  for (const next of graph.neighbors(node)) {
    if (!visited.has(next)) {
      parent.set(next, node);
      visit(next); // go deeper; we come back here when \`next\` is finished
    }
  }
  console.log(\`leave \${node}\`);
}

visit(start);

export default order;
`,
};
