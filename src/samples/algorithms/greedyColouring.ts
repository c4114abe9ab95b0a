import type { SampleAlgorithm } from '../types';

export const greedyColouring: SampleAlgorithm = {
  id: 'greedy-colouring',
  title: 'Greedy colouring',
  description: 'Give each node the smallest colour its neighbours do not use, busiest nodes first.',
  graph: 'petersen',
  code: `// Greedy colouring: give every node a colour (0, 1, 2…) so that no edge joins two nodes of the
// same colour. Take the nodes one by one and give each the smallest colour none of its already
// coloured neighbours has. Taking the busiest nodes first (Welsh–Powell) tends to save colours.
// It never needs more than (largest degree + 1) colours, though not always the fewest possible.
//
// Reading the trace: \`colour\` shows each node's colour number as a badge. \`node\` lights up the
// node being coloured, and \`taken\` holds the colours its neighbours already use.
const colour = new Map<string, number>();

// The nodes, busiest first.
for (const node of graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a))) {
  const taken = new Set<number>();
  for (const next of graph.neighbors(node)) {
    if (colour.has(next)) taken.add(colour.get(next)!);
  }
  let c = 0;
  while (taken.has(c)) c++; // the smallest colour that is free
  colour.set(node, c);
}

const count = new Set(colour.values()).size;
console.log(\`\${count} colours for \${graph.order} nodes\`);
export default colour;
`,
};
