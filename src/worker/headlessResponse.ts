import type { RunErrorCode } from '../protocol/codes';
import type { ModulesReport } from '../protocol/modules';
import type { RunResponse, RunSettings } from '../protocol/run';
import type { TraceError, TraceValue } from '../protocol/trace';
import type { ColumnsTraceJson } from '../tracer/traceColumns';
import { joinOutput, type TraceJson } from '../tracer/traceJson';

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

/** CPU milliseconds of the main module's context (its children's included), from its last sample. */
function cpuMsOf(modules: ModulesReport | undefined, fallback: number): number {
  const main = modules?.modules[0]?.id;
  const samples = modules?.samples.filter((s) => s.module === main) ?? [];
  return samples[samples.length - 1]?.cpuMs ?? fallback;
}

/** The public error form of a trace error. */
export function toExecutorError(e: TraceError): ExecutorError {
  return {
    phase: e.kind,
    code: e.code,
    name: e.name,
    message: e.message,
    ...(e.file === undefined ? {} : { module: e.file }),
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.column === undefined ? {} : { column: e.column }),
    step: e.step,
  };
}

/** Builds the executor's response from the engine's, without its trace: the worker streamed that as chunks. */
export function toExecutorResponse(
  r: RunResponse,
  meta: { version: string; limits: ExecutorResponse['limits'] },
): ExecutorResponse {
  const error = r.ok ? undefined : (r.error ?? r.trace.error);
  return {
    ok: r.ok,
    version: meta.version,
    stdout: joinOutput(r.trace, 'stdout'),
    stderr: joinOutput(r.trace, 'stderr'),
    stats: { steps: r.stats.steps, cpuMs: round(cpuMsOf(r.modules, r.stats.mainMs)), wallMs: round(r.stats.wallMs) },
    limits: meta.limits,
    ...(r.ok ? { result: r.result ?? { $: 'undefined' } } : {}),
    ...(error ? { error: toExecutorError(error) } : {}),
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
