import { BreakpointFinder } from '../../tracer/breakpointHits';
import { LineIndex } from '../../tracer/lineIndex';
import type { TraceReader } from '../../tracer/reader';
import { searchable, type BreakpointMark } from './breakpoints';

/** A hit, with the breakpoint as the store lists it. */
export interface ListedHit {
  /** The step. */
  step: number;
  /** Index into the store's breakpoints. */
  breakpoint: number;
}

/** Looks for the store's breakpoints in the trace on screen. */
export interface BreakpointSearch {
  /** The first hit after `from`, at or before `limit`. */
  next(from: number, limit?: number): ListedHit | undefined;
  /** The last hit before `from`. */
  previous(from: number): ListedHit | undefined;
  /** Every step where a breakpoint's line ran (conditions not evaluated), for the timeline's marks. */
  lineSteps(index: number): Uint32Array;
  /** Per breakpoint in the store's list: why its condition cannot be used, when it cannot. */
  errors(): Array<string | undefined>;
  /** When the last search ran out of condition checks: the step it had got to without a hit. */
  cut(): number | undefined;
}

/** One line index per trace, built the first time a breakpoint (or a line to run to) is looked for in it. */
const indexes = new WeakMap<TraceReader, LineIndex>();
export const lineIndexOf = (reader: TraceReader): LineIndex => {
  let index = indexes.get(reader);
  if (!index) indexes.set(reader, (index = new LineIndex(reader.trace)));
  return index;
};

let cached: { reader: TraceReader; list: readonly BreakpointMark[]; search: BreakpointSearch } | undefined;

/** The search for these breakpoints in this trace (the last one made is kept). */
export function breakpointSearch(reader: TraceReader, list: readonly BreakpointMark[]): BreakpointSearch {
  if (cached?.reader === reader && cached.list === list) return cached.search;
  const index = lineIndexOf(reader);
  const found = searchable(list);
  const finder = new BreakpointFinder(
    reader,
    index,
    found.map((f) => f.at),
  );
  const listed = (h: { step: number; breakpoint: number } | undefined): ListedHit | undefined =>
    h && { step: h.step, breakpoint: found[h.breakpoint]?.index ?? -1 };
  const search: BreakpointSearch = {
    next: (from, limit) => listed(finder.next(from, limit)),
    previous: (from) => listed(finder.previous(from)),
    lineSteps: (i) => {
      const f = found.find((x) => x.index === i);
      return f ? index.stepsOf(f.at.file, f.at.line) : new Uint32Array(0);
    },
    errors: () => list.map((_, i) => finder.errors[found.findIndex((f) => f.index === i)]),
    cut: () => finder.cut,
  };
  cached = { reader, list, search };
  return search;
}
