/** Declarations Monaco's TypeScript service sees for every script: the globals a run injects. */
export const SCRIPT_GLOBALS = `
declare const graph: import('graphology').default;
/** Resolves after \`ms\` milliseconds, through the kernel's timers. */
declare function sleep(ms: number): Promise<void>;
/** Explicit annotations, on the current step. */
declare const trace: {
  /** Highlights a node or edge in a colour (the accent when left out); null removes it. */
  highlight(element: string, color?: string | null): void;
  /** Shows text next to a node ('' removes it). */
  label(node: string, text: string): void;
  /** A narration line for this step. */
  note(text: string): void;
};
/** Printed output lands on the step that printed it. */
declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  debug(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
  table(...values: unknown[]): void;
  dir(...values: unknown[]): void;
};
`;
