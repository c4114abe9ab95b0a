import type { SampleAlgorithm } from '../types';

/** The child module: one search, pausing between visits so the other one gets its turns. */
const BFS_FROM = `// One breadth-first search, run by main.ts as a child module with a context of its own.
// After each visit it sleeps for a moment: while it waits, the other search runs.
export default async function bfsFrom({ start, pause }: { start: string; pause: number }) {
  const dist = new Map<string, number>([[start, 0]]);
  const queue: string[] = [start];
  const order: string[] = [];
  while (queue.length > 0) {
    const node = queue.shift()!;
    order.push(node);
    for (const next of graph.neighbors(node)) {
      if (!dist.has(next)) {
        dist.set(next, dist.get(node)! + 1);
        queue.push(next);
      }
    }
    await sleep(pause);
  }
  return order;
}
`;

export const twoBfs: SampleAlgorithm = {
  id: 'two-bfs',
  title: 'Two searches side by side (modules)',
  description: 'Spawns two child modules, a BFS from A and one from J, that take turns while each sleeps.',
  graph: 'ten',
  code: `// Two breadth-first searches at once: each is a child module (bfsFrom.ts) started with
// \`spawn\`, under a context of its own with its own CPU-time budget. Each sleeps between visits,
// so their steps take turns on the timeline; the Modules panel shows who runs and who waits.
//
// The manifest says what this module may do: read the graph and spawn the playground's files,
// with at most two child modules at once. A child may never hold more than its parent.
export const manifest = {
  permissions: { read: ['graph'], use: ['./...'] },
  limits: { 'modules/simultaneous': 2 },
};

const limits = { 'execution/cpu-time': 500 };
const [fromA, fromJ] = await Promise.all([
  spawn<string[]>('./bfsFrom.ts', { start: 'A', pause: 20 }, { limits }),
  spawn<string[]>('./bfsFrom.ts', { start: 'J', pause: 20 }, { limits }),
]);
console.log(\`from A: \${fromA.join(' ')}\`);
console.log(\`from J: \${fromJ.join(' ')}\`);

export default { fromA, fromJ };
`,
  files: { 'bfsFrom.ts': BFS_FROM },
};
