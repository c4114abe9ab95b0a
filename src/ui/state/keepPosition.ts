import { firstAbove } from '../../tracer/lineIndex';
import type { TraceReader } from '../../tracer/reader';
import { lineIndexOf } from './breakpointSearch';
import { mapLine } from './lineMap';

/** The step on screen before a new run, and the code that trace ran. */
export interface Position {
  /** The old trace. */
  reader: TraceReader | undefined;
  /** The step shown in it. */
  step: number;
  /** The files it ran (undefined for a trace recorded elsewhere). */
  ranFiles: Readonly<Record<string, string>> | undefined;
}

/**
 * Where a new run should open to stay where the person was (UI-STALE2): the same line, moved by the
 * edit if lines were typed above it, at the same time it ran (the k-th run of the line then is the
 * k-th now, or its last run if it runs fewer times). Undefined when that line was edited or removed,
 * or no longer runs: the run then opens at its start.
 */
export function keptStep(
  old: Position,
  reader: TraceReader,
  files: Readonly<Record<string, string>>,
): number | undefined {
  if (!old.reader || old.reader.length === 0 || reader.length === 0) return undefined;
  const at = old.reader.step(Math.min(old.step, old.reader.length - 1));
  const line = mapLine(old.ranFiles?.[at.file], files[at.file], at.line);
  if (line === undefined) return undefined;
  const before = lineIndexOf(old.reader).stepsOf(at.file, at.line);
  const k = Math.max(0, firstAbove(before, old.step) - 1);
  const now = lineIndexOf(reader).stepsOf(at.file, line);
  return now.length > 0 ? (now[Math.min(k, now.length - 1)] as number) : undefined;
}
