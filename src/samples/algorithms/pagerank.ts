import type { SampleAlgorithm } from '../types';

export const pagerank: SampleAlgorithm = {
  id: 'pagerank',
  title: 'PageRank',
  description: 'Where a random surfer spends its time: scores pass along links until they settle.',
  graph: 'web',
  code: `// PageRank: picture a surfer clicking links at random. At each click it follows one of the
// page's links (with probability \`damping\`), or gets bored and jumps to any page at all. A page's
// rank is the share of time the surfer spends on it, so pages linked from high-ranked pages rank
// high. A page with no links sends its surfer to any page at random.
// We start with equal ranks and pass them along the links for a fixed number of iterations.
//
// Reading the trace: \`rank\` shows each page's score as a badge (the scores add up to 1); watch
// them settle as \`iteration\` goes up. \`next\` holds the scores being computed for the next round.
const damping = 0.85;
const iterations = 50;
const n = graph.order;
let rank = new Map<string, number>();
for (const node of graph.nodes()) rank.set(node, 1 / n);

for (let iteration = 1; iteration <= iterations; iteration++) {
  // Rank on pages without links is spread over every page, like the random jumps.
  let stuck = 0;
  for (const node of graph.nodes()) {
    if (graph.outDegree(node) === 0) stuck += rank.get(node)!;
  }
  const everyone = (1 - damping) / n + (damping * stuck) / n;

  const next = new Map<string, number>();
  for (const node of graph.nodes()) next.set(node, everyone);
  for (const node of graph.nodes()) {
    // Each link of the page gets an equal share of the page's rank.
    const share = (damping * rank.get(node)!) / graph.outDegree(node);
    for (const edge of graph.outEdges(node)) {
      const target = graph.target(edge);
      next.set(target, next.get(target)! + share);
    }
  }
  rank = next;
}

const top = [...rank].sort((a, b) => b[1] - a[1])[0];
console.log(\`after \${iterations} iterations, the top page is \${top?.[0]}\`);
export default rank;
`,
};
