import { checkTrace, checkTraceError, checkValue } from '../../client/checkTrace';
import type { RunResponse } from '../../protocol/run';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import type { TraceError } from '../../protocol/trace';
import { err, ok, type Result } from '../../shared/result';
import { TraceAssembler } from '../../tracer/assemble';
import { isTraceFile, readTraceFile, TRACE_FILE_MAGIC } from '../../tracer/traceFile';
import type { PlaygroundDoc } from '../state/doc';
import { shareError, type ShareError } from './errors';
import { validateDoc } from './validate';

/** The largest trace file the page opens (a 200×200 grid's BFS, half a million steps, is about 8 MB). */
export const TRACE_FILE_MAX_BYTES = 256 * 1024 * 1024;

/** A run recorded headlessly (`stepgraph run --trace-file`), ready to be stepped through. */
export interface ImportedRun {
  /** The code, graph and settings it ran. */
  doc: PlaygroundDoc;
  /** Its trace and outcome, as if the page had run it. */
  response: RunResponse;
}

/** True when a file starts like a trace file: the Import then opens it as a recorded run. */
export async function looksLikeTraceFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, TRACE_FILE_MAGIC.length).arrayBuffer());
  return isTraceFile(head);
}

const bad = (sentence: string): Result<never, ShareError> =>
  err(shareError('SHARE_BAD_SHAPE', 'importTrace', `This trace file cannot be opened: ${sentence}.`));

/** The response's public error (`docs/EXECUTOR.md`) as the trace's. */
function traceErrorOf(e: Record<string, unknown>): TraceError {
  const { phase, module, ...rest } = e;
  return { ...rest, kind: phase, ...(module === undefined ? {} : { file: module }) } as TraceError;
}

/**
 * A trace file → the run it holds, checked as strictly as a link: the playground through the same
 * validator, the trace through the checks the page applies to what its sandbox sends. Never throws.
 */
export function parseTraceFile(bytes: Uint8Array): Result<ImportedRun, ShareError> {
  if (bytes.length > TRACE_FILE_MAX_BYTES) return bad(`it is larger than ${TRACE_FILE_MAX_BYTES / 2 ** 20} MB`);
  try {
    const file = readTraceFile(bytes);
    const run = (file.run ?? {}) as Record<string, unknown>;
    const settings = { ...DEFAULT_SETTINGS, ...(run.settings as object | undefined) };
    const doc = validateDoc({
      files: run.files,
      mainFile: run.main,
      graph: run.graph,
      settings,
      layout: 'preset',
      step: 0,
    });
    if (!doc.ok) return doc;
    const end = (file.end ?? undefined) as Record<string, unknown> | undefined;
    const endError = end?.error as Record<string, unknown> | undefined;
    const error: TraceError | undefined = !end
      ? {
          kind: 'internal',
          code: 'TRACE_FILE_CUT_SHORT',
          name: 'StepgraphError',
          message: 'ui/importTrace: the file ends before the run did',
          step: -1,
        }
      : endError
        ? traceErrorOf(endError)
        : undefined;
    const assembler = new TraceAssembler();
    for (const chunk of file.chunks) assembler.add(chunk);
    const trace = assembler.trace(error);
    // a file cut short ends at its last step; a recorded error never points past the steps there are
    if (error) error.step = end ? Math.min(error.step, trace.stepCount - 1) : trace.stepCount - 1;
    const problem = checkTrace(trace) ?? (error ? checkTraceError(error, 'error') : undefined);
    if (problem) return bad(problem);
    const okRun = end?.ok === true && !error;
    if (okRun && checkValue(end.result, 'result')) return bad('its result is not a value');
    const stats = (end?.stats ?? {}) as Record<string, unknown>;
    const ms = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
    const response: RunResponse = {
      ok: okRun,
      trace,
      ...(okRun ? { result: end.result as RunResponse['result'] } : {}),
      ...(error ? { error } : {}),
      stats: { steps: trace.stepCount, wallMs: ms(stats.wallMs), mainMs: ms(stats.cpuMs) },
    };
    return ok({ doc: { ...doc.value, layout: hasPositions(doc.value) ? 'preset' : 'grid' }, response });
  } catch (e) {
    return bad((e as Error).message.replace(/^tracer\/\w+: /, ''));
  }
}

/** Whether every node has a position to draw it at. */
const hasPositions = (doc: PlaygroundDoc): boolean =>
  doc.graph.nodes.every((n) => typeof n.attributes?.x === 'number' && typeof n.attributes.y === 'number');
