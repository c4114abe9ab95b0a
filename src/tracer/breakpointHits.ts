import { compileCondition, type Compiled } from './condition';
import { evaluateCondition } from './conditionEval';
import { firstAbove, type LineIndex } from './lineIndex';
import type { TraceReader } from './reader';
import { scopeAt } from './recordedScope';

/** A breakpoint as the trace is searched for it: the line it had when the trace was recorded. */
export interface BreakpointLine {
  /** The file. */
  file: string;
  /** 1-based line in the recorded source. */
  line: number;
  /** A condition in the script's terms; the breakpoint stops only where it is true. */
  condition?: string;
}

/** A step where a breakpoint stops. */
export interface Hit {
  /** The step. */
  step: number;
  /** Which breakpoint (index into the list the finder was made with). */
  breakpoint: number;
}

/** Conditions evaluated by one search at most: a condition that is never true cannot hang the page. */
export const MAX_EVALUATIONS = 50_000;

/**
 * Finds where breakpoints stop in one trace. A plain breakpoint is one binary search in its line's
 * steps (LineIndex); a conditional one walks its line's steps in order, evaluating the condition
 * against the values recorded at each, and only up to the nearest hit found so far.
 */
export class BreakpointFinder {
  private readonly compiled: Array<Compiled | undefined>;
  /** Per breakpoint: why its condition cannot be used, or the first error it gave at a step. */
  readonly errors: Array<string | undefined>;
  /** Set when the last search ran out of evaluations: the step it had got to (no hit before it). */
  cut: number | undefined = undefined;

  constructor(
    private readonly reader: TraceReader,
    private readonly index: LineIndex,
    private readonly breakpoints: readonly BreakpointLine[],
    /** Conditions one search may evaluate. */
    private readonly maxEvaluations = MAX_EVALUATIONS,
  ) {
    this.compiled = breakpoints.map((b) => (b.condition ? compileCondition(b.condition) : undefined));
    this.errors = this.compiled.map((c) => (c && !c.ok ? c.error : undefined));
  }

  /** The first hit after step `from` and at or before `limit`. */
  next(from: number, limit = Number.POSITIVE_INFINITY): Hit | undefined {
    return this.search(from, 1, limit);
  }

  /** The last hit before step `from` and at or after `limit`. */
  previous(from: number, limit = -1): Hit | undefined {
    return this.search(from, -1, limit);
  }

  /** The breakpoint that stops at exactly `step`, or -1. */
  at(step: number): number {
    return this.search(step - 1, 1, step)?.breakpoint ?? -1;
  }

  private search(from: number, dir: 1 | -1, limit: number): Hit | undefined {
    let best: Hit | undefined;
    this.cut = undefined;
    const better = (s: number): boolean =>
      dir > 0 ? s <= limit && (!best || s < best.step) : s >= limit && (!best || s > best.step);
    this.breakpoints.forEach((b, k) => {
      if (this.compiled[k]) return;
      const s = dir > 0 ? this.index.next(b.file, b.line, from) : this.index.previous(b.file, b.line, from);
      if (s >= 0 && better(s)) best = { step: s, breakpoint: k };
    });
    let budget = this.maxEvaluations;
    this.breakpoints.forEach((b, k) => {
      const c = this.compiled[k];
      if (!c || !c.ok) return;
      const steps = this.index.stepsOf(b.file, b.line);
      const first = firstAbove(steps, dir > 0 ? from : from - 1);
      for (let j = dir > 0 ? first : first - 1; j >= 0 && j < steps.length; j += dir) {
        const s = steps[j] as number;
        if (!better(s)) return;
        if (budget-- <= 0) {
          // out of evaluations: this line is searched up to here, not beyond
          if (this.cut === undefined || (dir > 0 ? s < this.cut : s > this.cut)) this.cut = s;
          return;
        }
        const r = evaluateCondition(c.expr, scopeAt(this.reader, s));
        if (!r.ok) this.errors[k] ??= `at step ${s + 1}: ${r.error}`;
        else if (r.value) {
          best = { step: s, breakpoint: k };
          return;
        }
      }
    });
    const cut = this.cut;
    if (cut === undefined) return best;
    // a hit before the cut is certain; one past it may not be the nearest
    if (best && (dir > 0 ? best.step < cut : best.step > cut)) {
      this.cut = undefined;
      return best;
    }
    return undefined;
  }
}
