import type { Trace } from '../protocol/trace';
import { OBJECT_KIND, OP, REF } from '../protocol/trace';
import { payloadOf, tagOf } from './refs';

/** What a tracked object holds at some step: refs, as recorded. */
export interface ObjectState {
  /** Array items. */
  items: number[];
  /** Map entries / Set values / object properties, by canonical key: [key ref, value ref]. */
  entries: Map<string | number, [number, number]>;
  /** Set when the object was too big to follow: its size. */
  opaqueSize: number | undefined;
}

const empty = (): ObjectState => ({ items: [], entries: new Map(), opaqueSize: undefined });
const clone = (s: ObjectState): ObjectState => ({
  items: s.items.slice(),
  entries: new Map(s.entries),
  opaqueSize: s.opaqueSize,
});

/**
 * Rebuilds objects at any step from their operations. Each object's operations are indexed once;
 * its snapshots (keyframes) are made the first time it is asked for, about one per `max(64, size)`
 * operations, so a seek copies at most one snapshot and replays a bounded number of operations.
 */
export class ObjectStates {
  /** CSR index: the operations of object o are opsOf[start[o]] … opsOf[start[o + 1] - 1]. */
  private readonly start: Uint32Array;
  private readonly opsOf: Uint32Array;
  private readonly keyframes = new Map<number, Array<{ count: number; state: ObjectState }>>();

  constructor(private readonly trace: Trace) {
    const n = trace.objectCount;
    const counts = new Uint32Array(n + 1);
    for (let i = 0; i < trace.opCount; i++)
      counts[(trace.opObject[i] as number) + 1] = (counts[(trace.opObject[i] as number) + 1] as number) + 1;
    for (let o = 0; o < n; o++) counts[o + 1] = (counts[o + 1] as number) + (counts[o] as number);
    this.start = counts;
    const fill = counts.slice(0, n);
    this.opsOf = new Uint32Array(trace.opCount);
    for (let i = 0; i < trace.opCount; i++) {
      const o = trace.opObject[i] as number;
      const at = fill[o] as number;
      this.opsOf[at] = i;
      fill[o] = at + 1;
    }
  }

  /** Canonical map key of a ref: equal values give equal keys (numbers by value, the rest by ref). */
  key(ref: number): string | number {
    return tagOf(ref) === REF.NUMBER ? `n${this.trace.numbers[payloadOf(ref)] as number}` : ref;
  }

  /** How many of the object's operations happened at or before `step`. */
  private countAt(id: number, step: number): number {
    const from = this.start[id] as number;
    let lo = from;
    let hi = this.start[id + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.trace.opStep[this.opsOf[mid] as number] as number) <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo - from;
  }

  /** The first step after `step` on which the object changed, or -1. */
  changeAfter(id: number, step: number): number {
    const c = this.countAt(id, step);
    const at = (this.start[id] as number) + c;
    return at < (this.start[id + 1] as number) ? (this.trace.opStep[this.opsOf[at] as number] as number) : -1;
  }

  /** The last step at or before `step` on which the object changed, or -1. */
  changeAtMost(id: number, step: number): number {
    const c = this.countAt(id, step);
    return c > 0 ? (this.trace.opStep[this.opsOf[(this.start[id] as number) + c - 1] as number] as number) : -1;
  }

  /** The object's operations (indices into the op columns) made on exactly `step`. */
  opsOn(id: number, step: number): number[] {
    const base = this.start[id] as number;
    const out: number[] = [];
    for (let k = base + this.countAt(id, step) - 1; k >= base; k--) {
      const op = this.opsOf[k] as number;
      if (this.trace.opStep[op] !== step) break;
      out.push(op);
    }
    return out.reverse();
  }

  /** True when the object changed on exactly `step`. */
  changedAt(id: number, step: number): boolean {
    const c = this.countAt(id, step);
    if (c === 0) return false;
    const last = this.opsOf[(this.start[id] as number) + c - 1] as number;
    return this.trace.opStep[last] === step;
  }

  /** The object's content after `step`. */
  at(id: number, step: number): ObjectState {
    const count = this.countAt(id, step);
    const frames = this.framesOf(id);
    let lo = 0;
    let hi = frames.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((frames[mid] as { count: number }).count <= count) lo = mid;
      else hi = mid - 1;
    }
    const kf = frames[lo] as { count: number; state: ObjectState };
    const state = clone(kf.state);
    const base = this.start[id] as number;
    for (let j = kf.count; j < count; j++) this.apply(state, id, this.opsOf[base + j] as number);
    return state;
  }

  private framesOf(id: number): Array<{ count: number; state: ObjectState }> {
    let frames = this.keyframes.get(id);
    if (frames) return frames;
    frames = [{ count: 0, state: empty() }];
    const state = empty();
    const base = this.start[id] as number;
    const total = (this.start[id + 1] as number) - base;
    let since = 0;
    for (let j = 0; j < total; j++) {
      this.apply(state, id, this.opsOf[base + j] as number);
      if (++since >= Math.max(64, state.items.length + state.entries.size)) {
        frames.push({ count: j + 1, state: clone(state) });
        since = 0;
      }
    }
    this.keyframes.set(id, frames);
    return frames;
  }

  private apply(s: ObjectState, id: number, op: number): void {
    const tr = this.trace;
    const a = tr.opA[op] as number;
    const b = tr.opB[op] as number;
    const kind = tr.objectKind[id];
    switch (tr.opCode[op]) {
      case OP.CLEAR:
        s.items.length = 0;
        s.entries.clear();
        s.opaqueSize = undefined;
        return;
      case OP.PUSH:
        s.items.push(b);
        return;
      case OP.POP:
        s.items.pop();
        return;
      case OP.SHIFT:
        s.items.shift();
        return;
      case OP.UNSHIFT:
        s.items.unshift(b);
        return;
      case OP.SET:
        if (kind === OBJECT_KIND.ARRAY) s.items[this.number(a)] = b;
        else s.entries.set(this.key(a), [a, b]);
        return;
      case OP.DELETE:
        s.entries.delete(this.key(a));
        return;
      case OP.ADD:
        s.entries.set(this.key(a), [a, a]);
        return;
      case OP.LENGTH:
        s.items.length = this.number(a);
        return;
      case OP.SIZE:
        s.opaqueSize = payloadOf(a);
        return;
    }
  }

  private number(ref: number): number {
    return tagOf(ref) === REF.INT ? payloadOf(ref) : (this.trace.numbers[payloadOf(ref)] as number);
  }
}
