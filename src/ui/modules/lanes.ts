import type { ModulesReport } from '../../protocol/modules';
import type { TraceReader } from '../../tracer/reader';
import { ownerOf } from './moduleRows';

/** Which modules ran in each column of a strip that shows the whole trace. */
export interface Lanes {
  /** Module ids, one lane each, in the report's order. */
  modules: number[];
  /** Steps per column (the last column may hold fewer). */
  stepsPerColumn: number;
  /** Per lane: the columns in which that module ran at least one step. */
  columns: number[][];
}

/** Past this many steps, each column is judged from evenly spaced steps rather than all of them. */
const EXACT_UP_TO = 200_000;
const SAMPLES_PER_COLUMN = 256;

/**
 * Lanes of the module strip: for each module with a context, the columns where its code ran (by
 * the trace's frames; an imported file counts for the module that imported it).
 */
export function lanesOf(reader: TraceReader, report: ModulesReport, maxColumns = 400): Lanes {
  const n = reader.length;
  const modules = report.modules.map((m) => m.id);
  const lane = new Map(modules.map((id, i) => [id, i]));
  const columns: Array<Set<number>> = modules.map(() => new Set());
  const stepsPerColumn = Math.max(1, Math.ceil(n / maxColumns));
  const trace = reader.trace;
  const owner = new Map<number, number>();
  const laneOfStep = (i: number): number | undefined => {
    const mod = trace.frames.module[reader.frameAt(i)] ?? 0;
    let o = owner.get(mod);
    if (o === undefined) owner.set(mod, (o = ownerOf(trace, report, mod)));
    return lane.get(o);
  };
  const stride = n <= EXACT_UP_TO ? 1 : Math.max(1, Math.floor(stepsPerColumn / SAMPLES_PER_COLUMN));
  for (let i = 0; i < n; i += stride) {
    const l = laneOfStep(i);
    if (l !== undefined) columns[l]?.add(Math.floor(i / stepsPerColumn));
  }
  return { modules, stepsPerColumn, columns: columns.map((c) => [...c].sort((a, b) => a - b)) };
}
