import { describe, expect, it } from 'vitest';
import { toGraph } from '../../test/samples';
import { ALGORITHMS, GRAPHS, algorithmById, graphById } from '.';

describe('sample registry', () => {
  it('ids are unique, and every algorithm names a sample graph that exists', () => {
    expect(new Set(ALGORITHMS.map((a) => a.id)).size).toBe(ALGORITHMS.length);
    expect(new Set(GRAPHS.map((g) => g.id)).size).toBe(GRAPHS.length);
    for (const a of ALGORITHMS) {
      expect(graphById(a.graph), `graph of ${a.id}`).toBeDefined();
      expect(algorithmById(a.id)).toBe(a);
    }
  });

  it('has the twelve algorithms of the issue, BFS first (the playground opens on it)', () => {
    expect(ALGORITHMS.map((a) => a.id)).toEqual([
      'bfs',
      'dfs',
      'dijkstra',
      'astar',
      'bellman-ford',
      'prim',
      'kruskal',
      'topological-sort',
      'tarjan',
      'edmonds-karp',
      'pagerank',
      'greedy-colouring',
      // and the modules sample (issue 3): two searches as child modules
      'two-bfs',
    ]);
  });

  it.each(ALGORITHMS.map((a) => [a.id, a] as const))(
    '%s opens with a header comment and says what it exports',
    (_id, a) => {
      expect(a.code.startsWith('// ')).toBe(true);
      expect(a.code).toMatch(/^export default .+;$/m);
      expect(a.description ?? '').not.toContain('\n');
    },
  );

  it.each(GRAPHS.map((g) => [g.id, g] as const))(
    'graph %s loads, is small, and places every node apart in the view',
    (_id, g) => {
      const graph = toGraph(g.data);
      expect(graph.order).toBeGreaterThanOrEqual(6);
      expect(graph.order).toBeLessThanOrEqual(14);
      const points = graph.mapNodes((_n, attr) => [attr.x, attr.y] as [unknown, unknown]);
      for (const [x, y] of points) {
        expect(Number.isFinite(x) && Number.isFinite(y), 'x and y are numbers').toBe(true);
      }
      const xy = points as Array<[number, number]>;
      const span = (i: 0 | 1): number => Math.max(...xy.map((p) => p[i])) - Math.min(...xy.map((p) => p[i]));
      expect(Math.max(span(0), span(1))).toBeLessThanOrEqual(600);
      for (const [i, [x1, y1]] of xy.entries()) {
        for (const [x2, y2] of xy.slice(i + 1)) expect(Math.hypot(x1 - x2, y1 - y2)).toBeGreaterThanOrEqual(60);
      }
    },
  );
});
