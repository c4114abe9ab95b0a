import type { Trace, TraceGraphOp, TraceSlot, TraceStatement, TraceValue } from '../protocol/trace';
import { REF, TRACE_VERSION } from '../protocol/trace';
import { materialize, SHOW_BUDGET, type ShowBudget } from './materialize';
import { ObjectStates } from './objectState';
import { GraphStates } from './graphStates';
import type { GraphState } from './graphState';
import { payloadOf, tagOf } from './refs';

/** Where a step is and who ran it. */
export interface StepInfo {
  /** The step index. */
  index: number;
  /** The file name. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Call depth (0 in a module body). */
  depth: number;
  /** The frame that ran it. */
  frame: number;
  /** The function name of that frame (the file name for a module body). */
  functionName: string;
  /** The module instance. */
  module: number;
}

/** A variable as it is at a step. */
export interface VariableAt {
  /** Name in the source. */
  name: string;
  /** Declaration slot. */
  slot: number;
  /** Frame it belongs to. */
  frame: number;
  /** True for the module-level scope, false for the current function's. */
  global: boolean;
  /** Its value at this step. */
  value: TraceValue;
  /** True when this step bound it to a new value or changed the collection it holds. */
  changed: boolean;
  /** Its value's recorded ref (a collection's rows are read from it, `collectionRows.ts`). */
  ref?: number;
}

/** A frame further out on the call stack, and the step it is at (its call site). */
export interface FrameAt {
  /** The frame. */
  frame: number;
  /** The step it last ran, whose statement is where it is. */
  step: number;
}

/** A variable in scope at a step, as its recorded ref. */
export interface VisibleRef {
  /** Name in the source. */
  name: string;
  /** Declaration slot. */
  slot: number;
  /** Frame it belongs to. */
  frame: number;
  /** True for the module-level scope, false for the current function's. */
  global: boolean;
  /** Its value's ref (see REF). */
  ref: number;
  /** The step of the write that bound it. */
  writtenAt: number;
}

const NO_WRITES: readonly number[] = [];

/** Position in `writes` of the last write made at or before step `x`, or -1. */
export function lastWriteAtMost(writes: readonly number[], writeStep: Uint32Array, x: number): number {
  let lo = 0;
  let hi = writes.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((writeStep[writes[mid] as number] as number) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the last entry of a sorted column (first `n` entries) that is ≤ x, or -1. */
function lastAtMost(col: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((col[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Answers questions about any step of a trace by binary search: over the frame runs, over each
 * variable's writes, and over each object's operations (from its nearest snapshot). Seeking
 * forward, backward or anywhere costs the same.
 */
export class TraceReader {
  /** Per frame: per slot, the write indices in step order. */
  private readonly series = new Map<number, Map<number, number[]>>();
  /** Per frame: the body frame of its module. */
  private readonly moduleFrame: Int32Array;
  /** Rebuilds objects at any step. */
  readonly objects: ObjectStates;
  /** Kept graph states along the trace, made as far as a seek has reached. */
  private graphStates: GraphStates | undefined;
  /** The run's `trace.note` lines, listed the first time they are asked for. */
  private noteList: Array<{ step: number; text: string }> | undefined;

  constructor(readonly trace: Trace) {
    if (trace.version !== TRACE_VERSION)
      throw new Error(`tracer/TraceReader: trace version ${String(trace.version)} is not supported`);
    for (let w = 0; w < trace.writeCount; w++) {
      const frame = trace.writeFrame[w] as number;
      const slot = trace.writeSlot[w] as number;
      let bySlot = this.series.get(frame);
      if (!bySlot) this.series.set(frame, (bySlot = new Map()));
      let list = bySlot.get(slot);
      if (!list) bySlot.set(slot, (list = []));
      list.push(w);
    }
    const frames = trace.frames;
    this.moduleFrame = new Int32Array(frames.depth.length);
    const lastBody = new Map<number, number>();
    for (let f = 0; f < frames.depth.length; f++) {
      const mod = frames.module[f] as number;
      if (frames.depth[f] === 0) lastBody.set(mod, f);
      this.moduleFrame[f] = lastBody.get(mod) ?? -1;
    }
    this.objects = new ObjectStates(trace);
  }

  /** Number of steps. */
  get length(): number {
    return this.trace.stepCount;
  }

  /** The frame that executed step `i`. */
  frameAt(i: number): number {
    const tr = this.trace;
    return tr.runFrame[Math.max(0, lastAtMost(tr.runStep, tr.runCount, i))] ?? 0;
  }

  /** Where step `i` is. */
  step(i: number): StepInfo {
    const tr = this.trace;
    const st = tr.statements[tr.stepStatement[i] as number];
    const frame = this.frameAt(i);
    return {
      index: i,
      file: tr.files[st?.file ?? 0] ?? '',
      line: st?.line ?? 1,
      column: st?.column ?? 1,
      depth: tr.frames.depth[frame] ?? 0,
      frame,
      functionName: tr.names[tr.frames.name[frame] ?? 0] ?? '',
      module: tr.frames.module[frame] ?? 0,
    };
  }

  /**
   * The variables of the step's own frame (or of `frame`, one further out on the call stack) and of
   * its module's top level, as they are after step `i`.
   */
  variables(i: number, budget: ShowBudget = SHOW_BUDGET, frame?: FrameAt): VariableAt[] {
    const tr = this.trace;
    return this.visible(i, frame).map((v) => {
      const isObject = tagOf(v.ref) === REF.OBJECT;
      return {
        name: v.name,
        slot: v.slot,
        frame: v.frame,
        global: v.global,
        value: materialize(tr, this.objects, v.ref, i, budget),
        changed: v.writtenAt === i || (isObject && this.objects.changedAt(payloadOf(v.ref), i)),
        ref: v.ref,
      };
    });
  }

  /** The writes (indices into the write columns, in step order) of one variable of one frame. */
  writesOf(frame: number, slot: number): readonly number[] {
    return this.series.get(frame)?.get(slot) ?? NO_WRITES;
  }

  /** The variables in scope after step `i`, as recorded refs: the step's frame first, then its module's top level. */
  visible(i: number, of?: FrameAt): VisibleRef[] {
    const tr = this.trace;
    const frame = of?.frame ?? this.frameAt(i);
    const frames = [frame];
    const top = this.moduleFrame[frame] ?? -1;
    if (top >= 0 && top !== frame) frames.push(top);
    const out: VisibleRef[] = [];
    for (const f of frames) {
      const bySlot = this.series.get(f);
      if (!bySlot) continue;
      // a block's variables exist only while it runs: seen from where the frame is (its call site, for an outer frame)
      const at =
        f === frame ? this.trace.statements[tr.stepStatement[of?.step ?? i] as number] : this.whereFrameWas(f, i);
      for (const [slot, writes] of bySlot) {
        if (!inScope(tr.slots[slot], at)) continue;
        const k = lastWriteAtMost(writes, tr.writeStep, i);
        if (k < 0) continue;
        const w = writes[k] as number;
        out.push({
          name: tr.slots[slot]?.name ?? '?',
          slot,
          frame: f,
          global: f !== frame || (tr.frames.depth[f] ?? 0) === 0,
          ref: tr.writeValue[w] as number,
          writtenAt: tr.writeStep[w] as number,
        });
      }
    }
    return out.sort((a, b) => Number(a.global) - Number(b.global) || a.slot - b.slot);
  }

  /** The statement frame `f` last ran before step `i` (its call site), looking back a bounded number of runs. */
  private whereFrameWas(f: number, i: number): TraceStatement | undefined {
    const tr = this.trace;
    let r = lastAtMost(tr.runStep, tr.runCount, i);
    for (let hops = 0; r > 0 && hops < 256; hops++, r--) {
      if (tr.runFrame[r - 1] === f) return tr.statements[tr.stepStatement[(tr.runStep[r] as number) - 1] as number];
    }
    return undefined;
  }

  /** Everything printed up to and including step `i`. */
  output(i: number): Trace['output'] {
    const out = this.trace.output;
    return out.slice(0, upTo(out, i));
  }

  /** Graph operations and annotations up to and including step `i`. */
  graphOps(i: number): TraceGraphOp[] {
    const ops = this.trace.graphOps;
    return ops.slice(0, upTo(ops, i));
  }

  /** How many graph operations were done up to and including step `i`. */
  graphOpCount(i: number): number {
    return upTo(this.trace.graphOps, i);
  }

  /** How many lines were printed up to and including step `i` (the first that many of `trace.output`). */
  outputCount(i: number): number {
    return upTo(this.trace.output, i);
  }

  /**
   * The graph's state after step `i`: copied from the nearest kept state and brought forward by the
   * operations since (T-GOP3), so it costs about the size of the state at any step. The caller owns it.
   */
  graphState(i: number): GraphState {
    this.graphStates ??= new GraphStates(this.trace.graphOps);
    return this.graphStates.after(this.graphOpCount(i));
  }

  /** Every `trace.note` line of the run, in step order (the same list for every call). */
  notes(): ReadonlyArray<{ step: number; text: string }> {
    this.noteList ??= this.trace.graphOps
      .filter((o) => o.kind === 'note')
      .map((o) => {
        const a = o.args[0];
        return { step: o.step, text: typeof a === 'string' ? a : String(a ?? '') };
      });
    return this.noteList;
  }

  /** How many notes were written up to and including step `i`. */
  noteCount(i: number): number {
    return upTo(this.notes(), i);
  }
}

/** How many entries of a step-sorted list are at or before step `i`. */
function upTo(list: ReadonlyArray<{ step: number }>, i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { step: number }).step <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a variable's scope holds a statement; without a known statement only top-level variables count. */
function inScope(slot: TraceSlot | undefined, at: TraceStatement | undefined): boolean {
  const scope = slot?.scope;
  if (!scope) return true;
  if (!at || !slot || at.file !== slot.file) return false;
  const [l1, c1, l2, c2] = scope;
  const afterStart = at.line > l1 || (at.line === l1 && at.column >= c1);
  const beforeEnd = at.line < l2 || (at.line === l2 && at.column < c2);
  return afterStart && beforeEnd;
}
