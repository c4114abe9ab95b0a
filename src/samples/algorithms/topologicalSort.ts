import type { SampleAlgorithm } from '../types';

export const topologicalSort: SampleAlgorithm = {
  id: 'topological-sort',
  title: 'Topological sort (Kahn)',
  description: 'Order a DAG so that every edge points forward: take nodes whose prerequisites are all done.',
  graph: 'courses',
  code: `// Topological sort by Kahn's algorithm: list the courses so that each comes after all of its
// prerequisites (every edge a -> b means "a before b"). A course is ready when it has no
// prerequisite left; taking it removes its outgoing edges, which may make other courses ready.
// If some courses never become ready, they sit on a cycle and no order exists.
//
// Reading the trace: \`inDegree\` shows, as a badge, how many prerequisites each course still
// waits for. \`ready\` lights up the courses that can be taken now, \`node\` the one taken, and
// \`order\` grows one course at a time.
const inDegree = new Map<string, number>();
for (const node of graph.nodes()) inDegree.set(node, graph.inDegree(node));

const ready = graph.nodes().filter((node) => inDegree.get(node) === 0);
const order: string[] = [];

while (ready.length > 0) {
  const node = ready.shift()!;
  order.push(node);
  for (const next of graph.outNeighbors(node)) {
    inDegree.set(next, inDegree.get(next)! - 1); // one prerequisite of \`next\` is done
    if (inDegree.get(next) === 0) ready.push(next);
  }
}

if (order.length < graph.order) {
  throw new Error(\`there is a cycle: \${graph.order - order.length} nodes never became ready\`);
}

export default order;
`,
};
