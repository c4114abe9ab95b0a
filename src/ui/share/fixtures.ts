// Playgrounds for the share tests and the size table: the sample, and a bigger one made to measure.
import type { GraphologyJson } from '../../protocol/graph';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import { bfs } from '../../samples/algorithms/bfs';
import { ten } from '../../samples/graphs/ten';
import type { PlaygroundDoc } from '../state/doc';

/** The BFS sample on its ten-node graph, at step 63: what most links will look like. */
export const bfsDoc: PlaygroundDoc = {
  files: { 'main.ts': bfs.code },
  mainFile: 'main.ts',
  graph: ten.data,
  settings: DEFAULT_SETTINGS,
  layout: 'preset',
  step: 63,
};

/** A small deterministic generator (mulberry32), so the measured graph is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` nodes at random positions in 1000 × 700, each linked to ~2 earlier ones, with weights. */
export function randomGraph(n: number, seed = 7): GraphologyJson {
  const r = random(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    attributes: { x: Math.round(r() * 1000), y: Math.round(r() * 700) },
  }));
  const edges: GraphologyJson['edges'] = [];
  for (let i = 1; i < n; i++) {
    const links = new Set([Math.floor(r() * i), Math.floor(r() * i)]);
    for (const j of links)
      edges.push({
        key: `n${j}-n${i}`,
        source: `n${j}`,
        target: `n${i}`,
        attributes: { weight: 1 + Math.floor(r() * 9) },
      });
  }
  return { options: { type: 'undirected', multi: false }, nodes, edges };
}

/** Dijkstra with a hand-rolled priority scan: a realistic script of about 1 KB. */
export const DIJKSTRA = `// Dijkstra from n0: the shortest weighted distance to every node.
const source = 'n0';
const dist = new Map<string, number>();
const previous = new Map<string, string>();
const done = new Set<string>();
for (const node of graph.nodes()) dist.set(node, Infinity);
dist.set(source, 0);

function closest(): string | undefined {
  let best: string | undefined;
  for (const [node, d] of dist) {
    if (done.has(node) || d === Infinity) continue;
    if (best === undefined || d < dist.get(best)!) best = node;
  }
  return best;
}

let current = closest();
while (current !== undefined) {
  done.add(current);
  graph.forEachEdge(current, (edge, attributes, a, b) => {
    const next = a === current ? b : a;
    const weight = Number(attributes.weight ?? 1);
    const candidate = dist.get(current!)! + weight;
    if (candidate < dist.get(next)!) {
      dist.set(next, candidate);
      previous.set(next, current!);
      trace.note(\`\${next} via \${current}: \${candidate}\`);
    }
  });
  current = closest();
}
console.log([...dist].map(([n, d]) => \`\${n}=\${d}\`).join(' '));
export default dist;
`;

/** The ~1 KB Dijkstra script on a 50-node weighted graph. */
export const dijkstraDoc: PlaygroundDoc = {
  files: { 'main.ts': DIJKSTRA },
  mainFile: 'main.ts',
  graph: randomGraph(50),
  settings: { ...DEFAULT_SETTINGS, seed: 'lesson-4' },
  layout: 'preset',
  step: 480,
};
