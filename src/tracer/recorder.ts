import type { Trace, TraceChunk, TraceError, TraceGraphOp, TraceModule, TraceValue } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';
import { grow, range, trim } from './columns';
import type { Tables } from './tables';
import { ValueStore } from './valueStore';
import { OutputLog } from './outputLog';

/** Estimated bytes of a graph operation record and of each of its arguments (a bounded snapshot). */
const GRAPH_OP_BYTES = 64;
const ARG_BYTES = 48;
/** Estimated bytes of a value kept whole (a function, a symbol, a summary). */
const VALUE_BYTES = 96;

/**
 * Appends steps, frames, writes, object operations and output into growing typed columns. The hot
 * path (`step`) stores one integer; the frame is stored only when it changes; a write stores four
 * integers, and a collection is copied only when first seen (later changes are operations).
 */
export class Recorder {
  stepCount = 0;
  /** Steps' statements; 16-bit until a statement id needs more (decided at the first step). */
  stepStatement: Uint16Array | Uint32Array = new Uint16Array(0);
  runCount = 0;
  runStep = new Uint32Array(256);
  runFrame = new Uint32Array(256);
  /** The frame of the last step recorded. */
  private runningFrame = -1;
  frameCount = 0;
  frameDepth = new Uint16Array(256);
  frameName = new Uint32Array(256);
  frameModule = new Uint16Array(256);
  writeCount = 0;
  writeStep = new Uint32Array(16384);
  writeSlot = new Uint32Array(16384);
  writeFrame = new Uint32Array(16384);
  writeValue = new Uint32Array(16384);
  readonly store: ValueStore = new ValueStore(this);
  /** Printed output, within the run's output budget. */
  readonly output = new OutputLog();
  readonly graphOps: TraceGraphOp[] = [];
  /** The estimated bytes of `graphOps`. */
  private graphOpBytes = 0;
  readonly modules: TraceModule[] = [];
  /** The frame of the last step, or of the caller of the frame that last returned: a new call's caller. */
  lastFrame = -1;
  /** Per frame: the frame that was running when it was opened (-1 for none). */
  private frameCaller = new Int32Array(256);

  constructor(readonly tables: Tables) {}

  /** Records a step; returns the new step count. */
  step(statement: number, frame: number): number {
    const n = this.stepCount;
    if (n === this.stepStatement.length) this.growSteps(n + 1);
    this.stepStatement[n] = statement;
    if (frame !== this.runningFrame) this.run(n, frame);
    this.lastFrame = frame;
    return (this.stepCount = n + 1);
  }

  private growSteps(need: number): void {
    if (this.stepStatement.length === 0 && this.tables.statements.length > 0xffff)
      this.stepStatement = new Uint32Array(0);
    this.stepStatement = grow(this.stepStatement, Math.max(need, 65536));
  }

  private run(step: number, frame: number): void {
    const r = this.runCount++;
    if (r === this.runStep.length) {
      this.runStep = grow(this.runStep, r + 1);
      this.runFrame = grow(this.runFrame, r + 1);
    }
    this.runStep[r] = step;
    this.runFrame[r] = frame;
    this.runningFrame = frame;
  }

  /** Opens a frame; a module body is at depth 0, a call one deeper than its caller. */
  frame(name: number, module: number, isModule: boolean): number {
    const f = this.frameCount++;
    if (f === this.frameDepth.length) {
      this.frameDepth = grow(this.frameDepth, f + 1);
      this.frameName = grow(this.frameName, f + 1);
      this.frameModule = grow(this.frameModule, f + 1);
      this.frameCaller = grow(this.frameCaller, f + 1);
    }
    const caller = this.lastFrame;
    this.frameCaller[f] = caller;
    this.frameDepth[f] = isModule || caller < 0 ? 0 : (this.frameDepth[caller] ?? 0) + 1;
    this.frameName[f] = name;
    this.frameModule[f] = module;
    return f;
  }

  /** A function's frame returned or threw: the next call made before another step is its caller's. */
  exit(frame: number): void {
    this.lastFrame = this.frameCaller[frame] ?? -1;
  }

  /** Records that `slot` of `frame` is now bound to `value`, on the current step. */
  write(slot: number, frame: number, value: unknown): void {
    const n = this.writeCount;
    if (n === this.writeStep.length) {
      this.writeStep = grow(this.writeStep, n + 1);
      this.writeSlot = grow(this.writeSlot, n + 1);
      this.writeFrame = grow(this.writeFrame, n + 1);
      this.writeValue = grow(this.writeValue, n + 1);
    }
    this.writeStep[n] = this.stepCount > 0 ? this.stepCount - 1 : 0;
    this.writeSlot[n] = slot;
    this.writeFrame[n] = frame;
    this.writeValue[n] = this.store.ref(value);
    this.writeCount = n + 1;
  }

  /** Records printed text on the current step. */
  print(stream: 'stdout' | 'stderr', text: string): void {
    this.output.print(Math.max(0, this.stepCount - 1), stream, text);
  }

  /** Records a graph operation or annotation on the current step. */
  graphOp(kind: string, args: TraceValue[]): void {
    this.graphOps.push({ step: Math.max(0, this.stepCount - 1), kind, args });
    this.graphOpBytes += GRAPH_OP_BYTES + ARG_BYTES * args.length;
  }

  /**
   * The trace's size in memory, estimated cheaply enough to ask at every check (C-LIM6): its
   * columns' buffers as allocated, its strings, and a fixed cost per graph operation, value kept
   * whole and output line. What `trace/bytes` is charged by.
   */
  bytes(): number {
    const vs = this.store;
    const columns =
      this.stepStatement.byteLength +
      this.runStep.byteLength * 2 +
      this.frameDepth.byteLength * 7 +
      this.writeStep.byteLength * 4 +
      vs.numbers.byteLength +
      vs.objectKind.byteLength * 6 +
      vs.opStep.byteLength * 4 +
      vs.opCode.byteLength;
    return columns + vs.stringChars * 2 + vs.others.length * VALUE_BYTES + this.graphOpBytes + this.output.size();
  }

  /** Where the last chunk ended, per column group. */
  private sent = {
    chunks: 0,
    steps: 0,
    runs: 0,
    frames: 0,
    writes: 0,
    strings: 0,
    numbers: 0,
    others: 0,
    objects: 0,
    ops: 0,
    output: 0,
    graphOps: 0,
  };

  /** Everything recorded since the previous chunk, as copies (their buffers can be transferred). */
  chunk(): TraceChunk {
    const m = this.sent;
    const vs = this.store;
    const tb = this.tables;
    const c: TraceChunk = {
      version: TRACE_VERSION,
      index: m.chunks,
      tables: { files: [...tb.files], names: [...tb.names], statements: [...tb.statements], slots: [...tb.slots] },
      modules: this.modules.slice(),
      stepStatement: range(this.stepStatement, m.steps, this.stepCount),
      runStep: range(this.runStep, m.runs, this.runCount),
      runFrame: range(this.runFrame, m.runs, this.runCount),
      frames: {
        depth: range(this.frameDepth, m.frames, this.frameCount),
        name: range(this.frameName, m.frames, this.frameCount),
        module: range(this.frameModule, m.frames, this.frameCount),
      },
      writeStep: range(this.writeStep, m.writes, this.writeCount),
      writeSlot: range(this.writeSlot, m.writes, this.writeCount),
      writeFrame: range(this.writeFrame, m.writes, this.writeCount),
      writeValue: range(this.writeValue, m.writes, this.writeCount),
      strings: vs.strings.slice(m.strings),
      numbers: range(vs.numbers, m.numbers, vs.numberCount),
      others: vs.others.slice(m.others),
      objectKind: range(vs.objectKind, m.objects, vs.objectCount),
      objectClass: range(vs.objectClass, m.objects, vs.objectCount),
      opStep: range(vs.opStep, m.ops, vs.opCount),
      opObject: range(vs.opObject, m.ops, vs.opCount),
      opCode: range(vs.opCode, m.ops, vs.opCount),
      opA: range(vs.opA, m.ops, vs.opCount),
      opB: range(vs.opB, m.ops, vs.opCount),
      output: this.output.head.slice(m.output),
      graphOps: this.graphOps.slice(m.graphOps),
    };
    this.sent = {
      chunks: m.chunks + 1,
      steps: this.stepCount,
      runs: this.runCount,
      frames: this.frameCount,
      writes: this.writeCount,
      strings: vs.strings.length,
      numbers: vs.numberCount,
      others: vs.others.length,
      objects: vs.objectCount,
      ops: vs.opCount,
      output: this.output.head.length,
      graphOps: this.graphOps.length,
    };
    return c;
  }

  /** The trace so far, with its columns trimmed to their length (the buffers can be transferred). */
  finish(error?: TraceError): Trace {
    const tb = this.tables;
    const vs = this.store;
    return {
      version: TRACE_VERSION,
      files: [...tb.files],
      names: [...tb.names],
      statements: [...tb.statements],
      slots: [...tb.slots],
      stepCount: this.stepCount,
      stepStatement: trim(this.stepStatement, this.stepCount),
      runCount: this.runCount,
      runStep: trim(this.runStep, this.runCount),
      runFrame: trim(this.runFrame, this.runCount),
      frames: {
        depth: trim(this.frameDepth, this.frameCount),
        name: trim(this.frameName, this.frameCount),
        module: trim(this.frameModule, this.frameCount),
      },
      writeCount: this.writeCount,
      writeStep: trim(this.writeStep, this.writeCount),
      writeSlot: trim(this.writeSlot, this.writeCount),
      writeFrame: trim(this.writeFrame, this.writeCount),
      writeValue: trim(this.writeValue, this.writeCount),
      // copies: code still running after the run (or the next record) must not change a returned trace
      strings: vs.strings.slice(),
      numbers: trim(vs.numbers, vs.numberCount),
      others: vs.others.slice(),
      objectCount: vs.objectCount,
      objectKind: trim(vs.objectKind, vs.objectCount),
      objectClass: trim(vs.objectClass, vs.objectCount),
      opCount: vs.opCount,
      opStep: trim(vs.opStep, vs.opCount),
      opObject: trim(vs.opObject, vs.opCount),
      opCode: trim(vs.opCode, vs.opCount),
      opA: trim(vs.opA, vs.opCount),
      opB: trim(vs.opB, vs.opCount),
      output: this.output.lines(),
      graphOps: this.graphOps.slice(),
      modules: this.modules.slice(),
      ...(error ? { error } : {}),
    };
  }
}

/** The transferable buffers of a trace, for `postMessage`. */
export function traceBuffers(trace: Trace): ArrayBuffer[] {
  return [
    trace.stepStatement,
    trace.runStep,
    trace.runFrame,
    trace.frames.depth,
    trace.frames.name,
    trace.frames.module,
    trace.writeStep,
    trace.writeSlot,
    trace.writeFrame,
    trace.writeValue,
    trace.numbers,
    trace.objectKind,
    trace.objectClass,
    trace.opStep,
    trace.opObject,
    trace.opCode,
    trace.opA,
    trace.opB,
  ].map((a) => a.buffer as ArrayBuffer);
}
