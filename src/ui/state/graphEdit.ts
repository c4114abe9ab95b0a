// Pure edits of a graph in graphology's JSON form: the store applies them, the view only shows them.
import type { GraphologyJson } from '../../protocol/graph';

type Node = GraphologyJson['nodes'][number];
type Edge = GraphologyJson['edges'][number];

/** A position in the graph's own coordinates. */
export interface Point {
  /** Horizontal, growing to the right. */
  x: number;
  /** Vertical, growing downward. */
  y: number;
}

/** The next free node key: A…Z first, then N27, N28… */
export function nextNodeKey(g: GraphologyJson): string {
  const used = new Set(g.nodes.map((n) => n.key));
  for (let i = 0; i < 26; i++) {
    const k = String.fromCharCode(65 + i);
    if (!used.has(k)) return k;
  }
  let i = 27;
  while (used.has(`N${i}`)) i++;
  return `N${i}`;
}

/** A spot for a new node when none was given: right of the rightmost node, at mid-height. */
export function freeSpot(g: GraphologyJson): Point {
  const pts = g.nodes.map(positionOf).filter((p): p is Point => p !== undefined);
  if (pts.length === 0) return { x: 0, y: 0 };
  const maxX = Math.max(...pts.map((p) => p.x));
  const midY = (Math.min(...pts.map((p) => p.y)) + Math.max(...pts.map((p) => p.y))) / 2;
  return { x: maxX + 120, y: Math.round(midY) };
}

/** A node's position, if it has one. */
export function positionOf(n: Node): Point | undefined {
  const x = n.attributes?.x;
  const y = n.attributes?.y;
  return typeof x === 'number' && typeof y === 'number' ? { x, y } : undefined;
}

/** Adds a node at `at` (rounded); returns the graph and the new key. */
export function addNode(g: GraphologyJson, at: Point = freeSpot(g)): { graph: GraphologyJson; key: string } {
  const key = nextNodeKey(g);
  const node: Node = { key, attributes: { x: Math.round(at.x), y: Math.round(at.y) } };
  return { graph: { ...g, nodes: [...g.nodes, node] }, key };
}

/** Why an edge cannot be added, or undefined when it can. */
export function edgeRefusal(g: GraphologyJson, source: string, target: string): string | undefined {
  const keys = new Set(g.nodes.map((n) => n.key));
  if (!keys.has(source) || !keys.has(target)) return 'Select two nodes to connect.';
  if (source === target && g.options?.allowSelfLoops === false) return 'This graph allows no self-loops.';
  if (g.options?.multi) return undefined;
  const directed = g.options?.type === 'directed';
  const exists = g.edges.some(
    (e) => (e.source === source && e.target === target) || (!directed && e.source === target && e.target === source),
  );
  return exists ? `${source} and ${target} are already connected.` : undefined;
}

/** Adds an edge `source → target` with a unique key; the graph is unchanged when it is refused. */
export function addEdge(
  g: GraphologyJson,
  source: string,
  target: string,
): { graph: GraphologyJson; key?: string; refusal?: string } {
  const refusal = edgeRefusal(g, source, target);
  if (refusal) return { graph: g, refusal };
  const used = new Set(g.edges.map((e) => e.key));
  let key = `${source}-${target}`;
  for (let n = 2; used.has(key); n++) key = `${source}-${target}#${n}`;
  const edge: Edge = { key, source, target };
  return { graph: { ...g, edges: [...g.edges, edge] }, key };
}

/** Removes nodes (with their edges) and edges by key. */
export function removeElements(g: GraphologyJson, ids: ReadonlySet<string>): GraphologyJson {
  const nodes = g.nodes.filter((n) => !ids.has(n.key));
  const kept = new Set(nodes.map((n) => n.key));
  const edges = g.edges.filter((e) => !ids.has(e.key ?? '') && kept.has(e.source) && kept.has(e.target));
  return nodes.length === g.nodes.length && edges.length === g.edges.length ? g : { ...g, nodes, edges };
}

/** Sets node positions (rounded); nodes not named keep theirs. Unchanged when nothing moved. */
export function moveNodes(g: GraphologyJson, positions: ReadonlyMap<string, Point>): GraphologyJson {
  let changed = false;
  const nodes = g.nodes.map((n) => {
    const p = positions.get(n.key);
    if (!p) return n;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (n.attributes?.x === x && n.attributes?.y === y) return n;
    changed = true;
    return { ...n, attributes: { ...n.attributes, x, y } };
  });
  return changed ? { ...g, nodes } : g;
}

/** Gives every edge a unique key, so the view and the edits can name each one. */
export function withEdgeKeys(g: GraphologyJson): GraphologyJson {
  if (g.edges.every((e) => e.key !== undefined) && new Set(g.edges.map((e) => e.key)).size === g.edges.length) return g;
  const used = new Set<string>();
  const edges = g.edges.map((e) => {
    let key = e.key ?? `${e.source}-${e.target}`;
    for (let n = 2; used.has(key); n++) key = `${e.source}-${e.target}#${n}`;
    used.add(key);
    return key === e.key ? e : { ...e, key };
  });
  return { ...g, edges };
}
