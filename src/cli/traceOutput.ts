import { isRunErrorCode, type RunErrorCode } from '../protocol/codes';
import type { ExecutorResponse } from '../protocol/headless';
import type { HeadlessOutcome, TraceForm } from '../protocol/process';
import type { Trace, TraceError } from '../protocol/trace';
import { TraceAssembler } from '../tracer/assemble';
import { toColumnsJson } from '../tracer/traceColumns';
import { toTraceJson } from '../tracer/traceJson';
import { HOST_CODES } from './failure';

/** The most steps a response carries in the per-step `steps` form; past it, the compact form is the only one. */
export const STEPS_FORM_MAX = 20_000;

/** The code of a `steps` response refused for its size: it names the form to ask for instead. */
export const STEPS_FORM_CODE: RunErrorCode = 'LIMIT_TRACE_STEPS_USE_COLUMNS';

/** Base64 of bytes, with Node's encoder (the fastest there is here). */
const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** A response as the host handles it: the executor's JSON, before its trace is added. */
type ResponseJson = Omit<ExecutorResponse, 'trace'> & { trace?: unknown };

/** The trace's error, from the response's public one. */
function traceErrorOf(e: ResponseJson['error']): TraceError | undefined {
  if (!e) return undefined;
  return {
    kind: e.phase,
    code: isRunErrorCode(e.code) ? e.code : 'INTERNAL',
    name: e.name,
    message: e.message,
    ...(e.module === undefined ? {} : { file: e.module }),
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.column === undefined ? {} : { column: e.column }),
    step: e.step,
  };
}

/** The trace in the asked form, or the refusal of a `steps` form too long to give. */
function traceIn(form: TraceForm, trace: Trace): { trace?: unknown; refused?: string } {
  if (form === 'none' || form === 'file') return {};
  if (form === 'columns') return { trace: toColumnsJson(trace, base64) };
  if (trace.stepCount > STEPS_FORM_MAX)
    return {
      refused:
        `cli/trace: the trace has ${trace.stepCount} steps, more than the ${STEPS_FORM_MAX} the "steps" form gives; ` +
        'ask for "trace": "columns" (the default, read with readColumnsTrace, docs/EXECUTOR.md) or a trace file',
    };
  return { trace: toTraceJson(trace) };
}

/**
 * Adds the trace to a response, in the form the request asked for, made from the chunks the worker
 * streamed (`trace`, undefined for a response without a run). This runs in the host's process,
 * after the run, outside the time its watchdog measures. A run whose worker `died` reports the steps
 * that reached the host. Never throws: a trace that cannot be made becomes an `internal` failure.
 */
export function withTrace(
  outcome: HeadlessOutcome,
  form: TraceForm,
  indent: number,
  trace: Trace = new TraceAssembler().trace(),
  died = false,
): HeadlessOutcome {
  try {
    const response = JSON.parse(outcome.body) as ResponseJson;
    const error = traceErrorOf(response.error);
    if (error) trace.error = error;
    if (died && form !== 'none') {
      // what the host has of a killed worker's run is what reached it: the stats say the same (without
      // a trace, nothing streamed, and the worker's last progress says how far it got)
      response.stats.steps = trace.stepCount;
      if (response.error) response.error.step = trace.stepCount - 1;
    }
    const made = traceIn(form, trace);
    if (made.refused) {
      const refusal = {
        phase: 'limit' as const,
        code: STEPS_FORM_CODE,
        name: 'StepgraphError',
        // a run that had failed already says how, so that nothing is lost but the trace
        message: response.error ? `${made.refused} (the run itself ended with ${response.error.code})` : made.refused,
        step: trace.stepCount - 1,
      };
      const { result: _result, ...rest } = response;
      const body = JSON.stringify({ ...rest, ok: false, error: refusal }, null, indent || undefined);
      return { body, ok: false, error: { phase: 'limit', code: STEPS_FORM_CODE } };
    }
    const body = JSON.stringify(
      made.trace === undefined ? response : { ...response, trace: made.trace },
      null,
      indent || undefined,
    );
    return { ...outcome, body };
  } catch (e) {
    const message = `cli/trace: the response could not be made (${(e as Error).message})`;
    const error = { phase: 'internal' as const, code: HOST_CODES.INTERNAL };
    const body = JSON.stringify({ ok: false, error: { ...error, name: 'Error', message, step: -1 } });
    return { body, ok: false, error };
  }
}
