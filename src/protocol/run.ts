import type { GraphInput } from './graph';
import type { ModulesReport } from './modules';
import type { Trace, TraceChunk, TraceError, TraceValue } from './trace';

/** Limits and reproducibility settings of a run. */
export interface RunSettings {
  /** Seed of `Math.random`; the same seed gives the same run. */
  seed: string;
  /** Wall-clock budget of the whole run, in ms (default 5000). */
  timeLimitMs: number;
  /** Step budget of the whole run (default 1,000,000). */
  stepLimit: number;
  /**
   * Other budgets lowered for this run, by the names a manifest uses (`graph/operations`,
   * `trace/bytes`, `output/lines`, `output/chars`…; docs/SCRIPTS.md): never raised past the defaults.
   */
  limits?: Readonly<Record<string, number>>;
}

export const DEFAULT_SETTINGS: RunSettings = { seed: 'stepgraph', timeLimitMs: 5000, stepLimit: 1_000_000 };

/** Everything a run needs; plain data so it crosses any boundary. */
export interface RunRequest {
  /** Source files by name (`main.ts`, `util.js`…). */
  files: Record<string, string>;
  /** The file to run as the main module. */
  main: string;
  /** The graph injected as `graph`. */
  graph: GraphInput;
  /** Settings; missing fields take the defaults. */
  settings?: Partial<RunSettings>;
  /** Input passed to the main module's default export when it is a function. */
  input?: unknown;
  /** What the host approved for this run, beyond what the scripts' manifests ask for; missing means nothing. */
  grants?: RunGrants;
}

/** Access the host approved for one run (C-NET1): a script's manifest asks, the host grants. */
export interface RunGrants {
  /** URL patterns (manifest `read` syntax) the host approved for this run: the person at the page (consent prompt) or the executor's `--allow-net`; a `fetch` must match one of them and its manifest. Missing or empty: no network. */
  network?: string[];
}

/** What a playground asks for before it runs (C-NET3): read from its manifests, nothing run. */
export interface RunInspection {
  /** URL patterns the manifests ask for (any permission kind), as the URL parser normalized them, without duplicates: what the page asks the person to approve. */
  network: string[];
}

/** A progress report during a long run. */
export interface RunProgress {
  /** Steps recorded so far. */
  steps: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
  /** The time budget, for a progress bar. */
  timeLimitMs: number;
  /** What was recorded since the previous report (only from hosts that stream the trace): a run whose worker had to be terminated keeps what arrived. */
  chunk?: TraceChunk;
}

/** The outcome of a run: always a trace, and a result or an error. */
export interface RunResponse {
  /** True when the main module finished without error. */
  ok: boolean;
  /** The recorded trace, partial when the run failed. */
  trace: Trace;
  /** The main module's result, recorded like a variable value. */
  result?: TraceValue;
  /** Set when `ok` is false (same as `trace.error`). */
  error?: TraceError;
  /** Steps, wall time. */
  stats: {
    /** Steps recorded. */
    steps: number;
    /** Milliseconds from the request to the response. */
    wallMs: number;
    /** Milliseconds of the main phase alone: the script running, traced (no compiling). */
    mainMs: number;
  };
  /** The module instances with a context (the main module, spawned ones), their states and usage; absent when the run never started. */
  modules?: ModulesReport;
}
