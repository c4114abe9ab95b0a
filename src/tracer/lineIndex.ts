import type { Trace } from '../protocol/trace';

/**
 * The steps of each source line, built once per trace: a counting sort of the step column by line
 * (two passes, four bytes a step), so "the next time line 12 runs after step s" is one binary search
 * in that line's own steps, whatever the length of the trace.
 */
export class LineIndex {
  /** "file\nline" → dense line id. */
  private readonly ids = new Map<string, number>();
  /** CSR: the steps of line id l are steps[start[l]] … steps[start[l + 1] - 1], ascending. */
  private readonly start: Uint32Array;
  private readonly steps: Uint32Array;

  constructor(trace: Trace) {
    const lineOf = new Int32Array(trace.statements.length);
    trace.statements.forEach((st, s) => {
      const key = `${trace.files[st.file] ?? ''}\n${st.line}`;
      let id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      lineOf[s] = id;
    });
    const n = trace.stepCount;
    const start = new Uint32Array(this.ids.size + 1);
    for (let i = 0; i < n; i++) {
      const l = lineOf[trace.stepStatement[i] as number] as number;
      start[l + 1] = (start[l + 1] as number) + 1;
    }
    for (let l = 0; l < this.ids.size; l++) start[l + 1] = (start[l + 1] as number) + (start[l] as number);
    const fill = start.slice(0, this.ids.size);
    const steps = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const l = lineOf[trace.stepStatement[i] as number] as number;
      const at = fill[l] as number;
      steps[at] = i;
      fill[l] = at + 1;
    }
    this.start = start;
    this.steps = steps;
  }

  /** Every step that ran `line` of `file`, ascending (a view, not a copy). */
  stepsOf(file: string, line: number): Uint32Array {
    const id = this.ids.get(`${file}\n${line}`);
    if (id === undefined) return new Uint32Array(0);
    return this.steps.subarray(this.start[id] as number, this.start[id + 1] as number);
  }

  /** The first step after `step` that runs the line, or -1. */
  next(file: string, line: number, step: number): number {
    const s = this.stepsOf(file, line);
    const k = firstAbove(s, step);
    return k < s.length ? (s[k] as number) : -1;
  }

  /** The last step before `step` that runs the line, or -1. */
  previous(file: string, line: number, step: number): number {
    const s = this.stepsOf(file, line);
    const k = firstAbove(s, step - 1) - 1;
    return k >= 0 ? (s[k] as number) : -1;
  }
}

/** Index of the first entry of an ascending array that is greater than `x`. */
export function firstAbove(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
