import type { GraphologyJson } from '../../protocol/graph';
import type { SampleGraph } from '../types';

/** The maze, a row per line: `.` is a cell, `#` a wall, `~` mud (every step into it costs 3). */
const MAP = ['.....', '.###.', '..~#.', '##...'];
/** Pixels between neighbouring cells; the heuristic of A* measures with the same positions. */
const CELL = 100;

/** The cells of the map as nodes `"row,col"`, each linked to its open right and lower neighbours. */
function mazeGraph(map: readonly string[]): GraphologyJson {
  const open = (r: number, c: number): boolean => (map[r]?.[c] ?? '#') !== '#';
  const cost = (r: number, c: number): number => (map[r]?.[c] === '~' ? 3 : 1);
  const nodes: GraphologyJson['nodes'] = [];
  const edges: GraphologyJson['edges'] = [];
  map.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) {
      if (!open(r, c)) continue;
      nodes.push({ key: `${r},${c}`, attributes: { x: 50 + c * CELL, y: 100 + r * CELL } });
      for (const [r2, c2] of [
        [r, c + 1],
        [r + 1, c],
      ] as const) {
        if (!open(r2, c2)) continue;
        const weight = Math.max(cost(r, c), cost(r2, c2));
        edges.push({
          key: `${r},${c}-${r2},${c2}`,
          source: `${r},${c}`,
          target: `${r2},${c2}`,
          attributes: { weight },
        });
      }
    }
  });
  return { options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges };
}

/** A 4 × 5 grid with walls and a patch of mud, for A* from `0,0` to `3,4`. */
export const maze: SampleGraph = { id: 'maze', title: 'Maze (grid with walls)', data: mazeGraph(MAP) };
