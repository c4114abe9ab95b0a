// Where a node's badge goes: on the side of the node its edges leave least, so the badge does not
// lie across them (or across the neighbour's badge at their other end).
import type { GraphCore } from './cytoscape';

/** A side of the node: the badge is drawn there. */
export type Side = 'bottom' | 'right' | 'top' | 'left';

const SIDES: ReadonlyArray<[Side, number, number]> = [
  ['bottom', 0, 1],
  ['right', 1, 0],
  ['top', 0, -1],
  ['left', -1, 0],
];

/**
 * The side the fewest edges leave by, from the directions (dx, dy) towards the node's neighbours
 * (screen axes: y grows downwards). An edge counts against a side by how squarely it points there;
 * below wins a tie, then right, top, left.
 */
export function chooseSide(directions: ReadonlyArray<{ dx: number; dy: number }>): Side {
  let best: Side = 'bottom';
  let bestScore = Infinity;
  for (const [side, sx, sy] of SIDES) {
    let score = 0;
    for (const { dx, dy } of directions) {
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      const cos = (dx * sx + dy * sy) / len;
      // a cone of about ±60° around the side: beyond it the edge passes clear of the badge
      if (cos > 0.5) score += cos;
    }
    if (score < bestScore - 1e-9) {
      best = side;
      bestScore = score;
    }
  }
  return best;
}

/** Puts each given node's badge on its clearest side (data field `side`, read by the stylesheet). */
export function placeBadges(cy: GraphCore, nodeIds: Iterable<string>): void {
  for (const id of nodeIds) {
    const node = cy.getElementById(id);
    if (node.empty() || !node.isNode()) continue;
    const p = node.position();
    const directions: Array<{ dx: number; dy: number }> = [];
    node.neighborhood('node').forEach((other) => {
      const q = other.position();
      directions.push({ dx: q.x - p.x, dy: q.y - p.y });
    });
    const side = node.data('badge') ? chooseSide(directions) : 'bottom';
    if (node.data('side') !== side) node.data('side', side);
  }
}
