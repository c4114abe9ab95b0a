import type { SampleAlgorithm, SampleGraph } from './types';
import { astar } from './algorithms/astar';
import { bellmanFord } from './algorithms/bellmanFord';
import { bfs } from './algorithms/bfs';
import { dfs } from './algorithms/dfs';
import { dijkstra } from './algorithms/dijkstra';
import { edmondsKarp } from './algorithms/edmondsKarp';
import { greedyColouring } from './algorithms/greedyColouring';
import { kruskal } from './algorithms/kruskal';
import { pagerank } from './algorithms/pagerank';
import { prim } from './algorithms/prim';
import { tarjan } from './algorithms/tarjan';
import { topologicalSort } from './algorithms/topologicalSort';
import { twoBfs } from './algorithms/twoBfs';
import { clusters } from './graphs/clusters';
import { courses } from './graphs/courses';
import { detour } from './graphs/detour';
import { maze } from './graphs/maze';
import { petersen } from './graphs/petersen';
import { pipes } from './graphs/pipes';
import { ten } from './graphs/ten';
import { towns } from './graphs/towns';
import { web } from './graphs/web';

/** Sample algorithms, in picker order. */
export const ALGORITHMS: readonly SampleAlgorithm[] = [
  bfs,
  dfs,
  dijkstra,
  astar,
  bellmanFord,
  prim,
  kruskal,
  topologicalSort,
  tarjan,
  edmondsKarp,
  pagerank,
  greedyColouring,
  twoBfs,
];
/** Sample graphs, in picker order. */
export const GRAPHS: readonly SampleGraph[] = [ten, towns, maze, detour, courses, clusters, pipes, web, petersen];

export const graphById = (id: string): SampleGraph | undefined => GRAPHS.find((g) => g.id === id);
/** The sample algorithm with this id (as in a link), if any. */
export const algorithmById = (id: string): SampleAlgorithm | undefined => ALGORITHMS.find((a) => a.id === id);
/** Generators of bigger graphs, for the graph library and the benchmark. */
export { gridGraph, randomGraph } from './graphs/generators';
export type { SampleAlgorithm, SampleGraph } from './types';
