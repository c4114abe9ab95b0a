import type { Trace, TraceModule, TraceValue } from '../protocol/trace';
import { REF, TRACE_VERSION } from '../protocol/trace';
import { materialize } from './materialize';
import { TraceReader } from './reader';
import { payloadOf, tagOf } from './refs';

/** A variable bound, or whose collection changed, on a step: its value just after the step. */
export interface VariableJson {
  /** The variable's name in the source. */
  name: string;
  /** The frame it belongs to (recursion frames stay apart); compare with `StepJson.frame`. */
  frame: number;
  /** Its value after the step, in the shown form of `TraceValue`. */
  value: TraceValue;
}

/** A graph operation or a `trace.*` annotation made on a step. */
export interface GraphOpJson {
  /** What happened: `addNode`, `dropEdge`, `setNodeAttribute`…, or `highlight`, `label`, `note`. */
  kind: string;
  /** Its arguments, as shown values. */
  args: TraceValue[];
}

/** Text printed on a step. */
export interface OutputJson {
  /** Which stream: `console.log`/`info`/`debug`/`dir`/`table` go to stdout, `warn`/`error` to stderr. */
  stream: 'stdout' | 'stderr';
  /** What one console call printed, without a trailing newline. */
  text: string;
}

/** One executed statement. Fields with nothing to say (`changed`, `graph`, `output`) are left out. */
export interface StepJson {
  /** The module instance that ran it: an index into `TraceJson.modules`. */
  module: number;
  /** The file of the statement. */
  file: string;
  /** 1-based line in the user's source. */
  line: number;
  /** 1-based column in the user's source. */
  column: number;
  /** Call depth, 0 in a module body. */
  depth: number;
  /** The frame (function activation or module body) that ran it. */
  frame: number;
  /** The frame's function name; the file name for a module body. */
  function: string;
  /** Variables this step bound, in any frame, and those of its own frame and module top level whose collection it changed. */
  changed?: VariableJson[];
  /** Graph operations and annotations made by this step. */
  graph?: GraphOpJson[];
  /** Output printed by this step. */
  output?: OutputJson[];
}

/** A trace in the executor's JSON form (docs/EXECUTOR.md): one object per step, only what changed. */
export interface TraceJson {
  /** The trace schema version it was made from (`protocol/trace.ts`). */
  version: typeof TRACE_VERSION;
  /** The files of the playground. */
  files: string[];
  /** Module instances: the file each ran, and its parent (-1 for the main module). */
  modules: TraceModule[];
  /** The steps, in execution order; partial when the run failed. */
  steps: StepJson[];
}

/** Body frame of each frame's module (the frame of the module top level a step can see). */
function moduleFrames(trace: Trace): Int32Array {
  const { depth, module } = trace.frames;
  const out = new Int32Array(depth.length);
  const lastBody = new Map<number, number>();
  for (let f = 0; f < depth.length; f++) {
    if (depth[f] === 0) lastBody.set(module[f] as number, f);
    out[f] = lastBody.get(module[f] as number) ?? -1;
  }
  return out;
}

/** Groups a step-sorted list by step, clamping entries before the first step or after the last. */
function byStep<T extends { step: number }>(list: readonly T[], stepCount: number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of list) {
    const step = Math.min(Math.max(item.step, 0), stepCount - 1);
    const at = out.get(step);
    if (at) at.push(item);
    else out.set(step, [item]);
  }
  return out;
}

/**
 * Turns a trace into its JSON form in one sweep: each variable's current binding is kept as the
 * writes go by, so only the values that changed on a step are rebuilt (a long trace costs what it
 * changes, not what it holds).
 */
export function toTraceJson(trace: Trace): TraceJson {
  const reader = new TraceReader(trace);
  const bodyOf = moduleFrames(trace);
  const graphOps = byStep(trace.graphOps, trace.stepCount);
  const output = byStep(trace.output, trace.stepCount);
  /** frame → slot → current ref */
  const bound = new Map<number, Map<number, number>>();
  const steps: StepJson[] = [];
  let w = 0;
  let op = 0;
  for (let i = 0; i < trace.stepCount; i++) {
    const info = reader.step(i);
    const changed = new Map<string, { frame: number; slot: number; ref: number }>();
    for (; w < trace.writeCount && (trace.writeStep[w] as number) <= i; w++) {
      const frame = trace.writeFrame[w] as number;
      const slot = trace.writeSlot[w] as number;
      const ref = trace.writeValue[w] as number;
      let slots = bound.get(frame);
      if (!slots) bound.set(frame, (slots = new Map()));
      slots.set(slot, ref);
      if (trace.writeStep[w] === i) changed.set(`${frame}:${slot}`, { frame, slot, ref });
    }
    const touched = new Set<number>();
    for (; op < trace.opCount && (trace.opStep[op] as number) <= i; op++)
      if (trace.opStep[op] === i) touched.add(trace.opObject[op] as number);
    if (touched.size > 0) {
      for (const frame of new Set([info.frame, bodyOf[info.frame] ?? -1])) {
        for (const [slot, ref] of bound.get(frame) ?? []) {
          if (tagOf(ref) === REF.OBJECT && touched.has(payloadOf(ref)))
            changed.set(`${frame}:${slot}`, { frame, slot, ref });
        }
      }
    }
    const step: StepJson = {
      module: info.module,
      file: info.file,
      line: info.line,
      column: info.column,
      depth: info.depth,
      frame: info.frame,
      function: info.functionName,
    };
    if (changed.size > 0) {
      step.changed = [...changed.values()].map(({ frame, slot, ref }) => ({
        name: trace.slots[slot]?.name ?? '?',
        frame,
        value: materialize(trace, reader.objects, ref, i),
      }));
    }
    const ops = graphOps.get(i);
    if (ops) step.graph = ops.map(({ kind, args }) => ({ kind, args }));
    const out = output.get(i);
    if (out) step.output = out.map(({ stream, text }) => ({ stream, text }));
    steps.push(step);
  }
  return { version: TRACE_VERSION, files: [...trace.files], modules: trace.modules.map((m) => ({ ...m })), steps };
}

/** Everything printed on one stream, one line per console call, as a terminal would show it. */
export function joinOutput(trace: Trace, stream: 'stdout' | 'stderr'): string {
  let text = '';
  for (const o of trace.output) if (o.stream === stream) text += `${o.text}\n`;
  return text;
}
