import { LIMIT_KINDS, type LimitKind } from '../../src/runtime/limits';
import { PERMISSION_KINDS } from '../../src/runtime/permissions';

/** What a limit's number means, by its kind: the hover text of each name. */
const UNIT: Record<LimitKind, string> = {
  deadline: 'ms since the module started',
  depleting: 'a budget used up by the run, never refilled',
  frequency: 'per second; a take waits for the refill',
  byteRate: 'bytes per second; a take waits for the refill',
  total: 'held at once, given back when released',
  window: 'how much is kept; the run goes on past it',
};

const union = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(' | ');

/**
 * The declarations of everything a script reaches without an import — `graph`, `trace`, `spawn`,
 * `sleep`, `fetch`, `console` — and the manifest's types, with the permission kinds and limit names
 * written from the runtime's own tables, so a name the runtime does not know is a type error.
 */
export function scriptGlobals(): string {
  const limits = Object.entries(LIMIT_KINDS)
    .map(([name, kind]) => `    /** ${kind}: ${UNIT[kind]}. */\n    '${name}'?: number;`)
    .join('\n');
  const kinds = PERMISSION_KINDS.map(
    (k) => `    /** Resource patterns the module may ${k}. */\n    ${k}?: string[];`,
  ).join('\n');
  return `/** Types of a Stepgraph script's manifest and spawn options. */
declare namespace Stepgraph {
  /** A kind of permission a manifest may ask for. */
  type PermissionKind = ${union(PERMISSION_KINDS)};
  /** The name of a limit, as a manifest writes it. */
  type LimitName = ${union(Object.keys(LIMIT_KINDS))};
  /** Permission kind → resource patterns (\`graph\`, \`./...\`, \`https://api.example.com/...\`). */
  interface Permissions {
${kinds}
  }
  /** Limits by name, in base units. */
  interface Limits {
${limits}
  }
  /** What a module declares it needs: \`export const manifest = { … } satisfies Stepgraph.Manifest\`. */
  interface Manifest {
    /** Without it: read and write \`graph\`, use \`./...\`, no network. */
    permissions?: Permissions;
    /** Without it: the run's limits. */
    limits?: Limits;
  }
}
/** The run's graph: a graphology Graph built from the chosen graph. */
declare const graph: import('graphology').default;
/** Resolves after \`ms\` milliseconds, through the kernel's timers. */
declare function sleep(ms: number): Promise<void>;
/**
 * Runs another file of the playground as a child module, under a context of its own that may only
 * narrow this module's permissions and limits; resolves with the child's result.
 */
declare function spawn<T = unknown>(file: string, input?: unknown, options?: Stepgraph.Manifest): Promise<T>;
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
}
