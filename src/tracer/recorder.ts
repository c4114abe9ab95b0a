import type { Trace, TraceError, TraceModule, TraceValue } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';
import type { Tables } from './tables';
import { snapshot } from './values';

const grow32 = (a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> => {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};
const grow16 = (a: Uint16Array<ArrayBuffer>, need: number): Uint16Array<ArrayBuffer> => {
  if (need <= a.length) return a;
  const b = new Uint16Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
};

/**
 * Appends steps, frames, writes and output into growing typed columns. The hot path (`step`)
 * writes two integers; values are copied only when a variable is written.
 */
export class Recorder {
  stepCount = 0;
  stepStatement = new Uint32Array(1024);
  stepFrame = new Uint32Array(1024);
  frameCount = 0;
  frameDepth = new Uint16Array(256);
  frameName = new Uint32Array(256);
  frameModule = new Uint16Array(256);
  writeCount = 0;
  writeStep = new Uint32Array(256);
  writeSlot = new Uint32Array(256);
  writeFrame = new Uint32Array(256);
  writeValue = new Uint32Array(256);
  readonly values: TraceValue[] = [];
  readonly output: Trace['output'] = [];
  readonly modules: TraceModule[] = [];
  /** The frame of the last step, or of the caller of the frame that last returned: a new call's caller. */
  lastFrame = -1;
  /** Per frame: the frame that was running when it was opened (-1 for none). */
  private frameCaller = new Int32Array(256);

  constructor(readonly tables: Tables) {}

  /** Records a step; returns the new step count. */
  step(statement: number, frame: number): number {
    const n = this.stepCount;
    if (n === this.stepStatement.length) {
      this.stepStatement = grow32(this.stepStatement, n + 1);
      this.stepFrame = grow32(this.stepFrame, n + 1);
    }
    this.stepStatement[n] = statement;
    this.stepFrame[n] = frame;
    this.lastFrame = frame;
    return (this.stepCount = n + 1);
  }

  /** Opens a frame; a module body is at depth 0, a call one deeper than its caller. */
  frame(name: number, module: number, isModule: boolean): number {
    const f = this.frameCount++;
    this.frameDepth = grow16(this.frameDepth, f + 1);
    this.frameName = grow32(this.frameName, f + 1);
    this.frameModule = grow16(this.frameModule, f + 1);
    const caller = this.lastFrame;
    if (f === this.frameCaller.length) {
      const grown = new Int32Array(f * 2);
      grown.set(this.frameCaller);
      this.frameCaller = grown;
    }
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

  /** Records that `slot` of `frame` now holds `value`, on the current step. */
  write(slot: number, frame: number, value: unknown): void {
    const n = this.writeCount;
    if (n === this.writeStep.length) {
      this.writeStep = grow32(this.writeStep, n + 1);
      this.writeSlot = grow32(this.writeSlot, n + 1);
      this.writeFrame = grow32(this.writeFrame, n + 1);
      this.writeValue = grow32(this.writeValue, n + 1);
    }
    this.writeStep[n] = Math.max(0, this.stepCount - 1);
    this.writeSlot[n] = slot;
    this.writeFrame[n] = frame;
    this.writeValue[n] = this.value(value);
    this.writeCount = n + 1;
  }

  /** Stores a snapshot of `value`; returns its index. */
  value(value: unknown): number {
    this.values.push(snapshot(value));
    return this.values.length - 1;
  }

  /** Records printed text on the current step. */
  print(stream: 'stdout' | 'stderr', text: string): void {
    this.output.push({ step: Math.max(0, this.stepCount - 1), stream, text });
  }

  /** The trace so far, with its columns trimmed to their length (the buffers can be transferred). */
  finish(error?: TraceError): Trace {
    const tb = this.tables;
    return {
      version: TRACE_VERSION,
      files: [...tb.files],
      names: [...tb.names],
      statements: [...tb.statements],
      slots: [...tb.slots],
      stepCount: this.stepCount,
      stepStatement: this.stepStatement.slice(0, this.stepCount),
      stepFrame: this.stepFrame.slice(0, this.stepCount),
      frames: {
        depth: this.frameDepth.slice(0, this.frameCount),
        name: this.frameName.slice(0, this.frameCount),
        module: this.frameModule.slice(0, this.frameCount),
      },
      writeCount: this.writeCount,
      writeStep: this.writeStep.slice(0, this.writeCount),
      writeSlot: this.writeSlot.slice(0, this.writeCount),
      writeFrame: this.writeFrame.slice(0, this.writeCount),
      writeValue: this.writeValue.slice(0, this.writeCount),
      // copies: code still running after the run (or the next record) must not change a returned trace
      values: this.values.slice(),
      output: this.output.slice(),
      modules: this.modules.slice(),
      ...(error ? { error } : {}),
    };
  }
}

/** The transferable buffers of a trace, for `postMessage`. */
export function traceBuffers(trace: Trace): ArrayBuffer[] {
  return [
    trace.stepStatement,
    trace.stepFrame,
    trace.frames.depth,
    trace.frames.name,
    trace.frames.module,
    trace.writeStep,
    trace.writeSlot,
    trace.writeFrame,
    trace.writeValue,
  ].map((a) => a.buffer as ArrayBuffer);
}
