import { REF } from '../protocol/trace';
import { lastWriteAtMost, type TraceReader } from './reader';
import { payloadOf, tagOf } from './refs';

/** A variable of one frame, as the Variables panel lists it. */
export interface VariableKey {
  /** The frame it belongs to. */
  frame: number;
  /** Its declaration slot. */
  slot: number;
}

/**
 * Where a variable changes (rule T-CHG1): a step that binds it to a value, or that changes the
 * collection it holds then, which is what the Variables panel marks as changed. Each answer is two
 * binary searches, one over the variable's writes and one over the held object's operations, both
 * indexed once per trace by the reader, so it costs the same on any step of any trace.
 */
export class VariableChanges {
  constructor(private readonly reader: TraceReader) {}

  /** The first step after `step` where the variable changes, or -1. */
  next(v: VariableKey, step: number): number {
    const tr = this.reader.trace;
    const writes = this.reader.writesOf(v.frame, v.slot);
    const k = lastWriteAtMost(writes, tr.writeStep, step);
    const nextWrite = k + 1 < writes.length ? (tr.writeStep[writes[k + 1] as number] as number) : -1;
    const held = k >= 0 ? this.objectOf(tr.writeValue[writes[k] as number] as number) : -1;
    const nextOp = held >= 0 ? this.reader.objects.changeAfter(held, step) : -1;
    if (nextWrite < 0) return nextOp;
    return nextOp < 0 ? nextWrite : Math.min(nextOp, nextWrite);
  }

  /** The last step before `step` where the variable changes, or -1. */
  previous(v: VariableKey, step: number): number {
    if (step <= 0) return -1;
    const tr = this.reader.trace;
    const writes = this.reader.writesOf(v.frame, v.slot);
    const k = lastWriteAtMost(writes, tr.writeStep, step - 1);
    if (k < 0) return -1;
    const written = tr.writeStep[writes[k] as number] as number;
    const held = this.objectOf(tr.writeValue[writes[k] as number] as number);
    const lastOp = held >= 0 ? this.reader.objects.changeAtMost(held, step - 1) : -1;
    return Math.max(written, lastOp);
  }

  private objectOf(ref: number): number {
    return tagOf(ref) === REF.OBJECT ? payloadOf(ref) : -1;
  }
}

const cache = new WeakMap<TraceReader, VariableChanges>();

/** The change finder of a trace (one per reader). */
export function variableChanges(reader: TraceReader): VariableChanges {
  let found = cache.get(reader);
  if (!found) cache.set(reader, (found = new VariableChanges(reader)));
  return found;
}
