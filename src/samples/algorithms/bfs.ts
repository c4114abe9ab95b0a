import type { SampleAlgorithm } from '../types';

export const bfs: SampleAlgorithm = {
  id: 'bfs',
  title: 'Breadth-first search',
  graph: 'ten',
  code: `// Breadth-first search from A: visit nodes in order of their distance.
const start = graph.hasNode('A') ? 'A' : graph.nodes()[0]!;
const dist = new Map<string, number>([[start, 0]]);
const queue: string[] = [start];
const order: string[] = [];

while (queue.length > 0) {
  const node = queue.shift()!;
  order.push(node);
  console.log(\`visit \${node} at distance \${dist.get(node)}\`);
  for (const next of graph.neighbors(node)) {
    if (!dist.has(next)) {
      dist.set(next, dist.get(node)! + 1);
      queue.push(next);
    }
  }
}

export default order;
`,
};
