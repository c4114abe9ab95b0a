// The shape of a hostile case: plain data that both runners (the executor's and the page's) read,
// and that scripts/security-table.ts turns into the table of docs/SECURITY.md.
import type { GraphologyJson } from '../../src/protocol/graph';
import type { TraceValue } from '../../src/protocol/trace';

/** The layers of the security model (DESIGN.md, "Who may do what"), each able to stop a script. */
export const LAYERS = {
  compile: 'compile-time refusal',
  compartment: 'compartment',
  page: 'page sandbox',
  process: 'executor process',
  kernel: 'kernel and permissions',
  recorder: 'recorder',
} as const;

/** One of the layers above. */
export type Layer = keyof typeof LAYERS;

/**
 * What proves that a case was contained. A run that finishes must give exactly `result`; a run
 * that fails must fail with one of `codes`. Every run must also end with its trace, and never with
 * the host's own failure (`INTERNAL`, a terminated worker) unless `codes` names it.
 */
export interface Contained {
  /** The script's result when it runs to its end: what it reached (`'nothing'`) or the honest value. */
  result?: TraceValue;
  /** Error codes that also prove containment; `PREP_FORBIDDEN_*` stands for every code with that prefix. */
  codes?: readonly string[];
  /** The line a failure must be reported at (the script's own error, not one the engine made up). */
  line?: number;
  /** Printed text that must not appear in the run's output (a forged or late line). */
  notPrinted?: string;
}

/** A request a case (or its follow-up) makes, before the runner fills in the placeholders. */
export interface Script {
  /** The playground's files; `$LISTENER$`, `$PORT$` and `$MARKER$` are replaced by the runner. */
  files: Readonly<Record<string, string>>;
  /** The file that runs first (default `main.js`). */
  main?: string;
  /** The graph (default: the ten-node sample graph). */
  graph?: GraphologyJson;
  /** Tighter limits than the case default. */
  limits?: { stepLimit?: number; timeLimitMs?: number };
  /** URL patterns the host grants the run (`grants.network`): what the person at the page approved, within the server's `--allow-net`. */
  grants?: readonly string[];
}

/** One hostile script and how its containment shows. */
export interface HostileCase extends Script {
  /** Stable, kebab-case, unique. */
  id: string;
  /** What the script tries, in one line. */
  vector: string;
  /** The layer expected to stop it. */
  layer: Layer;
  /** Layers behind it that would still stop it if the first gave way. */
  also?: readonly Layer[];
  /** What proves containment. */
  contained: Contained;
  /** A further request, run after the case in the same tab or server, for what this case tried to leave behind. */
  next?: Script & { contained: Contained; what: string };
  /** Also run through `stepgraph run` (stdin → stdout). */
  cli?: boolean;
}

/** Every placeholder the runners fill in. */
export interface Placeholders {
  /** `http://127.0.0.1:<port>`: the TCP listener that must see nothing. */
  listener: string;
  /** Its port. */
  port: number;
  /** An absolute path that must not exist after the case. */
  marker: string;
}
