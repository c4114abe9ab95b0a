/**
 * Bounds on what a graph file may hold, whatever the format: parsing stays bounded in time and
 * memory. The page holds less again (ui/share/limits.ts); these are for the executor too.
 */
export const FORMAT_LIMITS: FormatLimits = {
  /** Characters of the text. */
  bytes: 16 * 1024 * 1024,
  /** Nodes of the graph. */
  nodes: 100_000,
  /** Edges of the graph. */
  edges: 500_000,
  /** Characters of a node key. */
  key: 1_000,
};

/** Bounds on a graph file: {@link FORMAT_LIMITS} unless a caller (the page) holds less. */
export interface FormatLimits {
  /** Characters of the text. */
  bytes: number;
  /** Nodes of the graph. */
  nodes: number;
  /** Edges of the graph. */
  edges: number;
  /** Characters of a node key. */
  key: number;
}
