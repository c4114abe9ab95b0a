import type { TraceReader } from './reader';

/** One frame of the call stack at a step. */
export interface StackFrame {
  /** The frame. */
  frame: number;
  /** Its function's name (the file name for a module body). */
  name: string;
  /** Its call depth. */
  depth: number;
  /** The step it is at: the step on screen for the innermost frame, the call's step for the others. */
  step: number;
  /** The file of that step. */
  file: string;
  /** The line of that step. */
  line: number;
}

/** How many frames a stack lists at most (the innermost ones); recursion deeper than this is cut. */
export const STACK_LIMIT = 500;

/**
 * The call stack at any step (rule T-STACK1): each frame's caller is the frame that ran the step
 * just before the frame's first step, or, when that one is a call that already returned
 * (`f(g(x))`), that call's own caller. Each frame's first step is indexed once per trace, so a
 * stack costs a few binary searches per frame, whatever the step.
 */
export class CallStacks {
  private readonly firstStep: Int32Array;

  constructor(private readonly reader: TraceReader) {
    const tr = reader.trace;
    this.firstStep = new Int32Array(tr.frames.depth.length).fill(-1);
    for (let r = 0; r < tr.runCount; r++) {
      const f = tr.runFrame[r] as number;
      if (this.firstStep[f] === -1) this.firstStep[f] = tr.runStep[r] as number;
    }
  }

  /** The frames active at step `i`, innermost first, down to the module body (at most `limit`). */
  at(i: number, limit = STACK_LIMIT): StackFrame[] {
    const reader = this.reader;
    const depthOf = (f: number): number => reader.trace.frames.depth[f] ?? 0;
    const out: StackFrame[] = [];
    let frame = reader.frameAt(i);
    let step = i;
    while (out.length < limit) {
      const at = reader.step(step);
      out.push({ frame, name: at.functionName, depth: depthOf(frame), step, file: at.file, line: at.line });
      if (depthOf(frame) === 0) break;
      // the caller: climb from the step before this frame began past calls that already returned
      let s = (this.firstStep[frame] ?? 0) - 1;
      let q = s >= 0 ? reader.frameAt(s) : -1;
      for (let hops = 0; q >= 0 && depthOf(q) >= depthOf(frame) && hops < 10_000; hops++) {
        s = (this.firstStep[q] ?? 0) - 1;
        q = s >= 0 ? reader.frameAt(s) : -1;
      }
      if (q < 0) break;
      frame = q;
      step = s;
    }
    return out;
  }
}

const cache = new WeakMap<TraceReader, CallStacks>();

/** The call stacks of a trace (one index per reader). */
export function callStacksOf(reader: TraceReader): CallStacks {
  let stacks = cache.get(reader);
  if (!stacks) cache.set(reader, (stacks = new CallStacks(reader)));
  return stacks;
}
