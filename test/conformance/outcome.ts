// What a run of one test did, in terms the suite's expectations use, and whether that is a pass.
import type { RunResponse } from '../../src/protocol/run';
import type { TraceValue } from '../../src/protocol/trace';
import { ASYNC_DONE, type PlannedTest } from './plan';

/** How a run ended. */
export type Outcome =
  | { kind: 'ok' }
  | { kind: 'parse' | 'runtime'; type: string; message: string }
  /** Refused before the run: syntax a script may not use (`eval`, `Function(…)`, a host global…). */
  | { kind: 'forbidden'; message: string }
  /** A budget, the engine's own failure, or an async test whose `$DONE` reported an error. */
  | { kind: 'other'; code: string; message: string };

const text = (v: TraceValue | undefined): string => (typeof v === 'string' ? v : JSON.stringify(v ?? null));

/** The outcome of a response. */
export function outcomeOf(r: RunResponse, test: PlannedTest): Outcome {
  if (r.ok) {
    if (!test.async) return { kind: 'ok' };
    const said = text(r.result);
    if (said === ASYNC_DONE) return { kind: 'ok' };
    // `Test262:AsyncTestFailure:TypeError: message`
    const m = /^Test262:AsyncTestFailure:([\w$]+): ?(.*)$/s.exec(said);
    return m
      ? { kind: 'runtime', type: m[1] as string, message: m[2] as string }
      : { kind: 'other', code: 'ASYNC', message: said };
  }
  const e = r.error;
  if (!e) return { kind: 'other', code: 'NO_ERROR', message: 'failed without an error' };
  if (e.code === 'PREP_SYNTAX') return { kind: 'parse', type: 'SyntaxError', message: e.message };
  if (e.code === 'PREP_FORBIDDEN_SYNTAX' || e.code === 'RUNNER_FORBIDDEN_FEATURE')
    return { kind: 'forbidden', message: e.message };
  // an early error the parser let through and the engine's compiler refused: the same phase
  const early = /does not compile: (\w*Error): (.*)$/s.exec(e.message);
  if (e.code === 'INTERNAL' && early) return { kind: 'parse', type: early[1] as string, message: early[2] as string };
  if (e.code === 'RUNNER_EXCEPTION') return { kind: 'runtime', type: e.name, message: e.message };
  return { kind: 'other', code: e.code, message: e.message };
}

/** True when the outcome is what the test expects. */
export function passes(o: Outcome, expect: PlannedTest['expect']): boolean {
  if (expect.kind === 'ok') return o.kind === 'ok';
  return o.kind === expect.kind && o.type === expect.type;
}

/** One line for a report. */
export function describeOutcome(o: Outcome): string {
  if (o.kind === 'ok') return 'completed';
  if (o.kind === 'forbidden') return `refused: ${o.message}`;
  if (o.kind === 'other') return `${o.code}: ${o.message}`;
  return `${o.kind} ${o.type}: ${o.message}`;
}

/** Why a forbidden feature's tests are left out, from the refusal's message. */
export function forbiddenReason(o: Outcome & { kind: 'forbidden' }): string {
  const m =
    /(eval|Function\(…\)|Function|import\(\)|import\.meta|"[^"]+" is a name reserved|[\w$]+ is not available)/.exec(
      o.message,
    );
  const what = m?.[1] ?? 'other';
  if (what === 'eval' || what.startsWith('Function')) return 'eval / Function constructor';
  if (what === 'import()' || what === 'import.meta') return 'module loading (import(), import.meta)';
  if (what.includes('reserved')) return "tracer's reserved names (__sg…)";
  return 'host globals';
}
