/** Declarations Monaco's TypeScript service sees for every script: the globals a run injects. */
export const SCRIPT_GLOBALS = `
declare const graph: import('graphology').default;
/** Resolves after \`ms\` milliseconds, through the kernel's timers. */
declare function sleep(ms: number): Promise<void>;
/**
 * Runs another file of the playground as a child module, under a context of its own that may only
 * narrow this module's permissions and limits; resolves with the child's result.
 */
declare function spawn<T = unknown>(
  file: string,
  input?: unknown,
  options?: { permissions?: Record<string, string[]>; limits?: Record<string, number> },
): Promise<T>;
/** HTTP through the kernel: needs \`read\` on the URL in the manifest, and counts against \`net/requests\`. */
declare function fetch(
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{
  readonly url: string;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  text(): Promise<string>;
  json(): Promise<any>;
}>;
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
