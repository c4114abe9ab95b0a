import type { GraphologyJson } from '../protocol/graph';

/** A sample algorithm: one file in `algorithms/`, registered in `index.ts`. */
export interface SampleAlgorithm {
  /** Stable id, used in links. */
  id: string;
  /** Name shown in the picker. */
  title: string;
  /** One line on what it does, for the picker. */
  description?: string;
  /** The id of the sample graph it fits. */
  graph: string;
  /** The script, TypeScript. */
  code: string;
  /** Other files of the playground, by name (`bfsFrom.ts`), that the script spawns or imports; the script is `main.ts`. */
  files?: Readonly<Record<string, string>>;
}

/** A sample graph: one file in `graphs/`. */
export interface SampleGraph {
  /** Stable id. */
  id: string;
  /** Name shown in the picker. */
  title: string;
  /** The graph, with `x`/`y` positions. */
  data: GraphologyJson;
}
