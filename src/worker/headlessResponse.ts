import type { ExecutorError, ExecutorResponse } from '../protocol/headless';
import type { ModulesReport } from '../protocol/modules';
import type { RunResponse } from '../protocol/run';
import type { TraceError } from '../protocol/trace';
import { joinOutput } from '../tracer/traceJson';

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
