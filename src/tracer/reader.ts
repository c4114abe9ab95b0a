import type { Trace, TraceValue } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';

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
  /** True when this step wrote it. */
  changed: boolean;
}

/** Position in `writes` of the last write made at or before step `x`, or -1. */
function lastWriteAtMost(writes: number[], writeStep: Uint32Array, x: number): number {
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

/**
 * Answers questions about any step of a trace by binary search over per-variable write lists:
 * seeking forward, backward or anywhere costs the same.
 */
export class TraceReader {
  /** Per frame: per slot, the write indices in step order. */
  private readonly series = new Map<number, Map<number, number[]>>();

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
  }

  /** Number of steps. */
  get length(): number {
    return this.trace.stepCount;
  }

  /** Where step `i` is. */
  step(i: number): StepInfo {
    const tr = this.trace;
    const st = tr.statements[tr.stepStatement[i] as number];
    const frame = tr.stepFrame[i] as number;
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

  /** The variables of the step's own frame and of its module's top level, as they are after step `i`. */
  variables(i: number): VariableAt[] {
    const tr = this.trace;
    const frame = tr.stepFrame[i] as number;
    const frames = [frame];
    const top = this.moduleFrameOf(frame, i);
    if (top !== undefined && top !== frame) frames.push(top);
    const out: VariableAt[] = [];
    for (const f of frames) {
      const bySlot = this.series.get(f);
      if (!bySlot) continue;
      for (const [slot, writes] of bySlot) {
        const k = lastWriteAtMost(writes, tr.writeStep, i);
        if (k < 0) continue;
        const w = writes[k] as number;
        out.push({
          name: tr.slots[slot]?.name ?? '?',
          slot,
          frame: f,
          global: f !== frame || (tr.frames.depth[f] ?? 0) === 0,
          value: tr.values[tr.writeValue[w] as number] ?? null,
          changed: tr.writeStep[w] === i,
        });
      }
    }
    return out.sort((a, b) => Number(a.global) - Number(b.global) || a.slot - b.slot);
  }

  /** Everything printed up to and including step `i`. */
  output(i: number): Trace['output'] {
    const out = this.trace.output;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((out[mid] as { step: number }).step <= i) lo = mid + 1;
      else hi = mid;
    }
    return out.slice(0, lo);
  }

  /** The module-body frame of the module that runs `frame`: the latest depth-0 frame of that module at or before step `i`. */
  private moduleFrameOf(frame: number, i: number): number | undefined {
    const tr = this.trace;
    const mod = tr.frames.module[frame];
    for (let f = frame; f >= 0; f--) if (tr.frames.depth[f] === 0 && tr.frames.module[f] === mod) return f;
    void i;
    return undefined;
  }
}
