import type { GraphologyJson } from '../src/protocol/graph';
import { seededRandom } from '../src/shared/random';

/** A rows×cols lattice, keys "r,c", undirected, with deterministic weights 1–9. */
export function grid(rows: number, cols: number): GraphologyJson {
  const random = seededRandom('bench');
  const nodes: GraphologyJson['nodes'] = [];
  const edges: GraphologyJson['edges'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      nodes.push({ key: `${r},${c}`, attributes: { x: c * 40, y: r * 40 } });
      const weight = (): number => 1 + Math.floor(random() * 9);
      if (r + 1 < rows) edges.push({ source: `${r},${c}`, target: `${r + 1},${c}`, attributes: { weight: weight() } });
      if (c + 1 < cols) edges.push({ source: `${r},${c}`, target: `${r},${c + 1}`, attributes: { weight: weight() } });
    }
  }
  return { options: { type: 'undirected' }, nodes, edges };
}
