import type { SampleAlgorithm } from '../types';

export const bellmanFord: SampleAlgorithm = {
  id: 'bellman-ford',
  title: 'Bellman–Ford',
  description: 'Shortest paths that survive negative edges, and a check for negative cycles.',
  graph: 'detour',
  code: `// Bellman–Ford shortest paths from s on a directed graph whose \`weight\`s may be negative.
// Dijkstra's "closest is final" fails there, so instead every edge is relaxed, round after round.
// A shortest path has at most |V| - 1 edges, and after round k every path of k edges has been
// found, so |V| - 1 rounds are enough (we stop early when a round changes nothing). If one more
// pass could still improve a distance, there is a cycle of negative total weight: no answer.
//
// Reading the trace: \`dist\` shows each node's best known distance as a badge; watch the badges
// fall, sometimes below zero, as \`round\` goes up. \`edge\` lights up the edge being relaxed.
const start = 's';
const dist = new Map<string, number>([[start, 0]]);
const previous = new Map<string, string>();

for (let round = 1; round < graph.order; round++) {
  let changed = false;
  for (const edge of graph.edges()) {
    const from = graph.source(edge);
    const to = graph.target(edge);
    if (!dist.has(from)) continue; // not reached yet: nothing to offer
    const candidate = dist.get(from)! + graph.getEdgeAttribute(edge, 'weight');
    if (candidate < (dist.get(to) ?? Infinity)) {
      dist.set(to, candidate);
      previous.set(to, from);
      changed = true;
    }
  }
  console.log(\`round \${round}: \${changed ? 'improved' : 'no change, done'}\`);
  if (!changed) break;
}

// The extra pass: any edge that still shortens a path lies on (or after) a negative cycle.
for (const edge of graph.edges()) {
  const from = graph.source(edge);
  if (!dist.has(from)) continue;
  if (dist.get(from)! + graph.getEdgeAttribute(edge, 'weight') < (dist.get(graph.target(edge)) ?? Infinity)) {
    throw new Error(\`negative cycle reachable from \${start}, through edge \${edge}\`);
  }
}

export default dist;
`,
};
