import type { GraphologyJson } from '../../protocol/graph';
import { seededRandom } from '../../shared/random';

type Edge = GraphologyJson['edges'][number];

/** Options of `gridGraph`. */
export interface GridOptions {
  /** Give every edge an integer `weight` in 1–9 from a seeded generator (default false). */
  weighted?: boolean;
  /** Seed of the weights: the same seed, the same graph (default `"grid"`). */
  seed?: string | number;
  /** Pixels between neighbouring nodes (default 50). */
  spacing?: number;
}

/** A `rows × cols` lattice: nodes `"r,c"` at `x = c·spacing`, `y = r·spacing`, linked to their four neighbours. */
export function gridGraph(rows: number, cols: number, options: GridOptions = {}): GraphologyJson {
  const { weighted = false, seed = 'grid', spacing = 50 } = options;
  const random = seededRandom(seed);
  const nodes: GraphologyJson['nodes'] = [];
  const edges: Edge[] = [];
  const link = (source: string, target: string): void => {
    const edge: Edge = { key: `${source}-${target}`, source, target };
    if (weighted) edge.attributes = { weight: 1 + Math.floor(random() * 9) };
    edges.push(edge);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      nodes.push({ key: `${r},${c}`, attributes: { x: c * spacing, y: r * spacing } });
      if (c > 0) link(`${r},${c - 1}`, `${r},${c}`);
      if (r > 0) link(`${r - 1},${c}`, `${r},${c}`);
    }
  }
  return { options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges };
}

/** Options of `randomGraph`. */
export interface RandomGraphOptions {
  /** Directed edges (default false: undirected). */
  directed?: boolean;
  /** Give every edge an integer `weight` in 1–9 (default false). */
  weighted?: boolean;
}

/**
 * `n` nodes `n0…` on a circle of radius 250 and `m` distinct edges, no self-loops, all drawn from
 * `seed`. While `m ≥ n − 1` the graph is connected, and a directed one has a path from `n0` to every
 * node: the first `n − 1` edges form a random tree, each node hanging from an earlier one.
 */
export function randomGraph(
  n: number,
  m: number,
  seed: string | number,
  options: RandomGraphOptions = {},
): GraphologyJson {
  const { directed = false, weighted = false } = options;
  const most = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  if (!Number.isInteger(n) || !Number.isInteger(m) || n < 0 || m < 0 || m > most) {
    throw new RangeError(`samples/randomGraph: cannot draw ${m} distinct edges on ${n} nodes`);
  }
  const random = seededRandom(seed);
  const pick = (below: number): number => Math.floor(random() * below);
  const key = (i: number): string => `n${i}`;
  const nodes = Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return {
      key: key(i),
      attributes: { x: Math.round(250 + 250 * Math.cos(angle)), y: Math.round(250 + 250 * Math.sin(angle)) },
    };
  });
  const arrow = directed ? '->' : '-';
  const seen = new Set<string>();
  const edges: Edge[] = [];
  const tryAdd = (a: number, b: number): void => {
    if (a === b) return;
    const [s, t] = directed || a < b ? [a, b] : [b, a];
    const k = `${key(s)}${arrow}${key(t)}`;
    if (seen.has(k)) return;
    seen.add(k);
    const edge: Edge = { key: k, source: key(s), target: key(t) };
    if (weighted) edge.attributes = { weight: 1 + pick(9) };
    edges.push(edge);
  };
  for (let i = 1; i < n && edges.length < m; i++) tryAdd(pick(i), i);
  while (edges.length < m) tryAdd(pick(n), pick(n));
  return { options: { type: directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false }, nodes, edges };
}
