import type { SampleAlgorithm, SampleGraph } from './types';
import { bfs } from './algorithms/bfs';
import { ten } from './graphs/ten';

/** Sample algorithms, in picker order. */
export const ALGORITHMS: readonly SampleAlgorithm[] = [bfs];
/** Sample graphs, in picker order. */
export const GRAPHS: readonly SampleGraph[] = [ten];

export const graphById = (id: string): SampleGraph | undefined => GRAPHS.find((g) => g.id === id);
export type { SampleAlgorithm, SampleGraph } from './types';
