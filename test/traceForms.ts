// Reads the trace of an executor response the documented way (docs/EXECUTOR.md): the compact
// `columns` form through `readColumnsTrace`, then, for tests that compare steps, into the per-step
// form the executor gives for `"trace": "steps"`.
import type { Trace } from '../src/protocol/trace';
import { readColumnsTrace } from '../src/tracer/traceColumns';
import type { StepJson } from '../src/protocol/headless';
import { toTraceJson } from '../src/tracer/traceJson';

/** The response's trace, as the page would hold it. */
export function traceOf(response: { trace?: unknown }): Trace {
  return readColumnsTrace(response.trace);
}

/** The response's trace, one object per step. */
export function stepsOf(response: { trace?: unknown }): StepJson[] {
  return toTraceJson(traceOf(response)).steps;
}
