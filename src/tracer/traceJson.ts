import type { StepJson, TraceJson } from '../protocol/headless';
import type { Trace } from '../protocol/trace';
import { REF, TRACE_VERSION } from '../protocol/trace';
import { materialize } from './materialize';
import { TraceReader } from './reader';
import { payloadOf, tagOf } from './refs';

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
