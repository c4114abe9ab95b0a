import type { GraphologyJson } from '../../protocol/graph';

/** A hand-drawn sample graph: node positions and edges, the edge value optional. */
export interface Drawing {
  /** Directed or undirected; edge keys follow it (`a->b` or `a-b`). */
  type: 'directed' | 'undirected';
  /** Node key → its `[x, y]` position in a view of about 500 × 500. */
  positions: Record<string, readonly [number, number]>;
  /** `[source, target]`, or `[source, target, value]` for a weighted edge. */
  edges: ReadonlyArray<readonly [string, string, number?]>;
  /** The edge attribute that holds the value: `weight` unless told. */
  attribute?: 'weight' | 'capacity';
}

/** Turns a drawing into graphology JSON, with `x`/`y` node attributes and readable edge keys. */
export function fromDrawing({ type, positions, edges, attribute = 'weight' }: Drawing): GraphologyJson {
  const arrow = type === 'directed' ? '->' : '-';
  return {
    options: { type, multi: false, allowSelfLoops: false },
    nodes: Object.entries(positions).map(([key, [x, y]]) => ({ key, attributes: { x, y } })),
    edges: edges.map(([source, target, value]) => ({
      key: `${source}${arrow}${target}`,
      source,
      target,
      ...(value === undefined ? {} : { attributes: { [attribute]: value } }),
    })),
  };
}
