// Where nodes a script adds are drawn: next to the neighbours they already have, else on a spiral
// around the graph's middle, so that thousands of added nodes never pile up on one point.
import type { Point } from '../state/graphEdit';

/** Distance between nodes placed on the spiral, and from a neighbour. */
const GAP = 45;
/** The golden angle: consecutive spiral points never line up. */
const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions for `added` nodes (in the order added), given the nodes already placed (`at`) and the
 * edges known: a node goes near the middle of its placed neighbours, turned by its index so that
 * siblings fan out around their parent; a node with none goes on a sunflower spiral around `center`.
 */
export function addedPositions(
  added: readonly string[],
  edges: Iterable<{ source: string; target: string }>,
  at: (key: string) => Point | undefined,
  center: Point,
): Map<string, Point> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const placed = new Map<string, Point>();
  const where = (key: string): Point | undefined => placed.get(key) ?? at(key);
  const children = new Map<string, number>();
  let spiral = 0;
  for (const key of added) {
    const near = (neighbours.get(key) ?? []).map(where).filter((p): p is Point => p !== undefined);
    if (near.length > 0) {
      const mx = near.reduce((s, p) => s + p.x, 0) / near.length;
      const my = near.reduce((s, p) => s + p.y, 0) / near.length;
      // the k-th node hung from the same place goes round it, a little further each turn
      const spot = `${Math.round(mx)},${Math.round(my)}`;
      const k = children.get(spot) ?? 0;
      children.set(spot, k + 1);
      const r = GAP * (1 + Math.floor(k / 8) * 0.8);
      placed.set(key, { x: mx + r * Math.cos(k * GOLDEN + 0.5), y: my + r * Math.sin(k * GOLDEN + 0.5) });
    } else {
      const r = GAP * Math.sqrt(spiral + 0.5);
      placed.set(key, { x: center.x + r * Math.cos(spiral * GOLDEN), y: center.y + r * Math.sin(spiral * GOLDEN) });
      spiral++;
    }
  }
  return placed;
}
