import type { SampleAlgorithm } from '../types';

export const tarjan: SampleAlgorithm = {
  id: 'tarjan',
  title: 'Strongly connected components (Tarjan)',
  description: 'One depth-first search finds every group of nodes that can all reach one another.',
  graph: 'clusters',
  code: `// Tarjan's strongly connected components: groups of nodes in which every node can reach every
// other one along directed edges. One depth-first search numbers the nodes in the order it meets
// them (\`index\`), and computes for each node the smallest number it can get back to from
// below it while the nodes are still on \`stack\` (\`low\`). A node whose low equals its own index
// can't get back any higher: it is the root of a component, made of it and everything above it
// on the stack.
//
// Reading the trace: \`index\` and \`low\` are badges on the nodes; watch low values drop when a
// back edge is found. \`stack\` lights up the nodes on the stack, \`node\` the node being explored
// (the call stack shows how deep), and \`components\` collects the answer.
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const components: string[][] = [];
let counter = 0;

function strongConnect(node: string): void {
  index.set(node, counter);
  low.set(node, counter);
  counter++;
  stack.push(node);
  onStack.add(node);

  for (const next of graph.outNeighbors(node)) {
    if (!index.has(next)) {
      // A tree edge: explore \`next\` first, then whatever it gets back to, \`node\` does too.
      strongConnect(next);
      low.set(node, Math.min(low.get(node)!, low.get(next)!));
    } else if (onStack.has(next)) {
      // An edge back to a node still on the stack, so still in the current component.
      low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
  }

  if (low.get(node) === index.get(node)) {
    // \`node\` is a root: pop its component off the stack.
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    console.log(\`component: \${component.join(', ')}\`);
    components.push(component);
  }
}

for (const node of graph.nodes()) {
  if (!index.has(node)) strongConnect(node);
}

export default components;
`,
};
