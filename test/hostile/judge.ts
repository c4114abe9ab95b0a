// What both runners share: a case's request with its placeholders filled in, the outcome of a run
// as either host reports it, and the judgement of whether that outcome proves containment.
import { isDeepStrictEqual } from 'node:util';
import type { GraphologyJson } from '../../src/protocol/graph';
import type { TraceValue } from '../../src/protocol/trace';
import { readColumnsTrace } from '../../src/tracer/traceColumns';
import { ten } from '../../src/samples/graphs/ten';
import type { Contained, Placeholders, Script } from './types';

/** Limits of a case unless it says otherwise: short enough that a case which escapes its checks is soon over. */
export const CASE_LIMITS = { stepLimit: 300_000, timeLimitMs: 3000 } as const;

/** A case's request, host-neutral, placeholders filled in. */
export interface Prepared {
  /** The files. */
  files: Record<string, string>;
  /** The file that runs first. */
  main: string;
  /** The graph. */
  graph: GraphologyJson;
  /** The limits. */
  limits: { stepLimit: number; timeLimitMs: number };
  /** The host's network grants, if any. */
  grants?: { network: string[] };
}

/** Fills in `$LISTENER$`, `$PORT$` and `$MARKER$`. */
export function prepare(script: Script, p: Placeholders): Prepared {
  const fill = (s: string): string =>
    s.replaceAll('$LISTENER$', p.listener).replaceAll('$PORT$', String(p.port)).replaceAll('$MARKER$', p.marker);
  return {
    files: Object.fromEntries(Object.entries(script.files).map(([name, code]) => [name, fill(code)])),
    main: script.main ?? 'main.js',
    graph: script.graph ?? ten.data,
    limits: { ...CASE_LIMITS, ...script.limits },
    ...(script.grants ? { grants: { network: script.grants.map(fill) } } : {}),
  };
}

/** How a run ended, as either host reports it. */
export interface Outcome {
  /** The main module finished without error. */
  ok: boolean;
  /** The error's code when it did not. */
  code?: string;
  /** The error's line, when known. */
  line?: number;
  /** The result when it did. */
  result?: TraceValue;
  /** Steps recorded (-1 when the host lost the run). */
  steps: number;
  /** The response carries the trace of every recorded step. */
  traced: boolean;
  /** Everything the run printed (stdout, then stderr). */
  output: string;
}

/** Steps of a response's trace, read the documented way (`columns`, or `steps` when asked); -1 without one. */
function tracedSteps(trace: unknown): number {
  const steps = (trace as { steps?: unknown } | undefined)?.steps;
  if (Array.isArray(steps)) return steps.length;
  try {
    return readColumnsTrace(trace).stepCount;
  } catch {
    return -1;
  }
}

/** The outcome of an executor response (`stepgraph run` or `POST /run`). */
export function fromExecutor(json: {
  ok?: boolean;
  error?: { code?: string; line?: number };
  result?: TraceValue;
  stats?: { steps?: number };
  trace?: unknown;
  stdout?: string;
  stderr?: string;
}): Outcome {
  const steps = json.stats?.steps ?? -1;
  return {
    ok: json.ok === true,
    ...(json.error?.code !== undefined ? { code: json.error.code } : {}),
    ...(json.error?.line !== undefined ? { line: json.error.line } : {}),
    ...('result' in json ? { result: json.result } : {}),
    steps,
    traced: tracedSteps(json.trace) === steps,
    output: `${json.stdout ?? ''}${json.stderr ?? ''}`,
  };
}

const show = (v: unknown): string => JSON.stringify(v);

/** Whether `code` is one of `codes`. */
const codeIn = (code: string | undefined, codes: readonly string[] = []): boolean =>
  code !== undefined && codes.includes(code);

/** Why `o` does not prove containment; empty when it does. */
export function judge(contained: Contained, o: Outcome): string[] {
  const problems: string[] = [];
  if (!o.traced) problems.push(`the run ended without its trace (steps ${o.steps}, code ${o.code ?? 'none'})`);
  if (o.ok) {
    if (contained.result === undefined) {
      problems.push(`finished with ${show(o.result)}; only failing with ${show(contained.codes)} proves containment`);
    } else if (!isDeepStrictEqual(o.result, contained.result)) {
      problems.push(`finished with ${show(o.result)} instead of ${show(contained.result)}`);
    }
  } else if (!codeIn(o.code, contained.codes)) {
    const expected = [
      ...(contained.result !== undefined ? [`finish with ${show(contained.result)}`] : []),
      ...(contained.codes?.length ? [`fail with ${contained.codes.join(' or ')}`] : []),
    ];
    problems.push(`failed with ${o.code ?? 'no code'} (line ${o.line ?? '?'}); expected to ${expected.join(', or ')}`);
  } else if (contained.line !== undefined && o.line !== contained.line) {
    problems.push(`failed at line ${o.line ?? '?'} instead of the script's own line ${contained.line}`);
  }
  if (contained.notPrinted !== undefined && o.output.includes(contained.notPrinted)) {
    problems.push(`printed ${show(contained.notPrinted)}`);
  }
  return problems;
}
