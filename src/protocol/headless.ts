// The headless executor's public answer (docs/EXECUTOR.md), one definition for every host that
// makes or reads it: the worker process builds it (`worker/headlessResponse.ts`), the pool adds its
// trace and answers failures of its own in the same shape (`cli/traceOutput.ts`, `cli/failure.ts`),
// and clients of `stepgraph run` / `serve` read it. Types only.
import type { RunErrorCode } from './codes';
import type { HeadlessOutcome, HeadlessRunOptions } from './process';
import type { RunRequest, RunSettings } from './run';
import type { Trace, TraceError, TraceModule, TraceValue, TRACE_VERSION } from './trace';

/** Why a run failed, in the executor's JSON (docs/EXECUTOR.md). */
export interface ExecutorError {
  /** Where it failed: `init`, `prep`, `runner`, `limit`, `memory`, `stopped` or `internal`. */
  phase: TraceError['kind'];
  /** A stable code (`PREP_SYNTAX`, `LIMIT_STEPS`…; `RUN_ERROR_KINDS` lists them); test on this, not on the message. */
  code: RunErrorCode;
  /** The error's class name (`TypeError`, `SyntaxError`, `StepgraphError`…). */
  name: string;
  /** A human message. */
  message: string;
  /** The file of the module where it happened, when known. */
  module?: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column in that file, when known. */
  column?: number;
  /** The last step recorded before the failure, or -1. */
  step: number;
}

/** The executor's answer to one request: what `stepgraph run` prints and `POST /run` returns. */
export interface ExecutorResponse {
  /** True when the main module finished without error. */
  ok: boolean;
  /** The version of stepgraph that ran it. */
  version: string;
  /** Everything printed to stdout, one line per console call. */
  stdout: string;
  /** Everything printed to stderr, one line per console call. */
  stderr: string;
  /** What the run used. */
  stats: {
    /** Steps recorded. */
    steps: number;
    /** Milliseconds the script's own code ran (waiting on `sleep` excluded). */
    cpuMs: number;
    /** Milliseconds from the request reaching the engine to its response. */
    wallMs: number;
  };
  /** The limits the run had: the request's, capped by the server's settings. */
  limits: Pick<RunSettings, 'timeLimitMs' | 'stepLimit'>;
  /** The main module's result (its default export, awaited, called with `input` when a function); only when `ok`. */
  result?: TraceValue;
  /** Why the run failed; only when not `ok`. */
  error?: ExecutorError;
  /**
   * The trace, partial when the run failed: in the compact `columns` form unless the request asked for
   * `steps`; left out for `none`, and from a `file` response (the trace is the file's records). The host
   * adds it from the chunks the worker streamed (`cli/traceOutput.ts`).
   */
  trace?: ColumnsTraceJson | TraceJson;
}

/** The fields of `Trace` that are typed columns (`frames.*` are nested: {@link TraceFrameColumn}). */
export type TraceColumn =
  | 'stepStatement'
  | 'runStep'
  | 'runFrame'
  | 'writeStep'
  | 'writeSlot'
  | 'writeFrame'
  | 'writeValue'
  | 'numbers'
  | 'objectKind'
  | 'objectClass'
  | 'opStep'
  | 'opObject'
  | 'opCode'
  | 'opA'
  | 'opB';

/** The typed columns of `Trace.frames`. */
export type TraceFrameColumn = 'depth' | 'name' | 'module';

/** A typed column in JSON. */
export interface ColumnJson {
  /** The typed array's class. */
  type: 'Uint8Array' | 'Uint16Array' | 'Uint32Array' | 'Float64Array';
  /** Its bytes, little-endian, in base64 (RFC 4648, with padding). */
  base64: string;
}

/** A trace in its compact JSON form: `Trace`, with `form: "columns"` and each column a `ColumnJson`. */
export type ColumnsTraceJson = { form: 'columns' } & Omit<Trace, TraceColumn | 'frames'> &
  Record<TraceColumn, ColumnJson> & { frames: Record<TraceFrameColumn, ColumnJson> };

/** A variable bound, or whose collection changed, on a step: its value just after the step. */
export interface VariableJson {
  /** The variable's name in the source. */
  name: string;
  /** The frame it belongs to (recursion frames stay apart); compare with `StepJson.frame`. */
  frame: number;
  /** Its value after the step, in the shown form of `TraceValue`. */
  value: TraceValue;
}

/** A graph operation or a `trace.*` annotation made on a step. */
export interface GraphOpJson {
  /** What happened: `addNode`, `dropEdge`, `setNodeAttribute`…, or `highlight`, `label`, `note`. */
  kind: string;
  /** Its arguments, as shown values. */
  args: TraceValue[];
}

/** Text printed on a step. */
export interface OutputJson {
  /** Which stream: `console.log`/`info`/`debug`/`dir`/`table` go to stdout, `warn`/`error` to stderr. */
  stream: 'stdout' | 'stderr';
  /** What one console call printed, without a trailing newline. */
  text: string;
}

/** One executed statement. Fields with nothing to say (`changed`, `graph`, `output`) are left out. */
export interface StepJson {
  /** The module instance that ran it: an index into `TraceJson.modules`. */
  module: number;
  /** The file of the statement. */
  file: string;
  /** 1-based line in the user's source. */
  line: number;
  /** 1-based column in the user's source. */
  column: number;
  /** Call depth, 0 in a module body. */
  depth: number;
  /** The frame (function activation or module body) that ran it. */
  frame: number;
  /** The frame's function name; the file name for a module body. */
  function: string;
  /** Variables this step bound, in any frame, and those of its own frame and module top level whose collection it changed. */
  changed?: VariableJson[];
  /** Graph operations and annotations made by this step. */
  graph?: GraphOpJson[];
  /** Output printed by this step. */
  output?: OutputJson[];
}

/** A trace in the executor's JSON form (docs/EXECUTOR.md): one object per step, only what changed. */
export interface TraceJson {
  /** The trace schema version it was made from (`protocol/trace.ts`). */
  version: typeof TRACE_VERSION;
  /** The files of the playground. */
  files: string[];
  /** Module instances: the file each ran, and its parent (-1 for the main module). */
  modules: TraceModule[];
  /** The steps, in execution order; partial when the run failed. */
  steps: StepJson[];
}

/** What a worker process runs for each `run/start` (`worker/headlessApi.ts`), off the pool's process. */
export interface HeadlessApi {
  /**
   * Runs one request under a control block (`shared/control.ts`) whose stop flag stops it;
   * `onProgress` hears the steps at checks, `onChunk` gets the trace as it is recorded, in binary
   * chunks, the last one before this resolves. The response it resolves with has no trace.
   */
  run(
    request: RunRequest,
    control: Int32Array,
    options: HeadlessRunOptions,
    onProgress?: (steps: number) => void,
    onChunk?: (bytes: Uint8Array) => void,
  ): Promise<HeadlessOutcome>;
  /** The packages a script may import, for `GET /env`; answering also says the worker is up. */
  allowedImports(): Promise<string[]>;
}
