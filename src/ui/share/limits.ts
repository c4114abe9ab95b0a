/** Bounds on what a link or a file may hold: decoding stays fast and small whatever it is fed. */
export const LIMITS = {
  /** Characters of a link's fragment; Share offers a file past 8,000, so this leaves room. */
  linkChars: 65_536,
  /** Bytes a link or a file may decompress to / hold; reading stops past this. */
  docBytes: 2 * 1024 * 1024,
  /** Files in a playground. */
  files: 32,
  /** Characters of a file name. */
  fileName: 100,
  /** Nodes of the graph. */
  nodes: 5_000,
  /** Edges of the graph. */
  edges: 20_000,
  /** Characters of a node or edge key. */
  key: 100,
  /** Characters of the seed. */
  seed: 200,
  /** The step on screen. */
  step: 100_000_000,
  /** Breakpoints (as `MAX_BREAKPOINTS` in state/breakpoints.ts). */
  breakpoints: 200,
  /** Characters of a breakpoint's condition (as `CONDITION_MAX_CHARS` in tracer/condition.ts). */
  condition: 500,
  /** A breakpoint's line. */
  line: 1_000_000,
} as const;

/** Share offers a download instead of a link past this many characters. */
export const COMFORTABLE_LINK_CHARS = 8_000;
