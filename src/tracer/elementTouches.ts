import type { Trace, TraceValue } from '../protocol/trace';
import { REF } from '../protocol/trace';
import { firstAbove } from './lineIndex';
import { payloadOf, tagOf } from './refs';

/** An element key as a graph operation names it (`'B'`, `'e1'`), or undefined for another value. */
const keyOf = (v: TraceValue | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/**
 * The steps that touch each graph element (rule T-TOUCH1), indexed once per trace: a graph
 * operation naming it (added, dropped, an attribute, `trace.highlight`, `trace.label`), a variable
 * bound to its key or moved off it (what highlights a node), and a collection operation with its
 * key as key or value (`dist.set('B', 2)`, `queue.push('B')`, `visited.add('B')`: what colours it
 * and gives it a badge). Previous / next is then one binary search in the element's steps.
 */
export class ElementTouches {
  private readonly steps = new Map<string, Uint32Array>();

  constructor(private readonly trace: Trace) {
    const lists = new Map<string, number[]>();
    const touch = (key: string | undefined, step: number): void => {
      if (key === undefined) return;
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(step);
    };
    for (const op of trace.graphOps) if (op.kind !== 'note') touch(keyOf(op.args[0]), op.step);
    // a variable that held the key and is bound to something else no longer highlights it
    const held = new Map<number, number>();
    for (let w = 0; w < trace.writeCount; w++) {
      const step = trace.writeStep[w] as number;
      const variable = (trace.writeFrame[w] as number) * trace.slots.length + (trace.writeSlot[w] as number);
      const before = held.get(variable);
      const ref = trace.writeValue[w] as number;
      if (before !== undefined && before !== ref) touch(this.stringOf(before), step);
      touch(this.stringOf(ref), step);
      held.set(variable, ref);
    }
    for (let k = 0; k < trace.opCount; k++) {
      const a = this.stringOf(trace.opA[k] as number);
      const b = this.stringOf(trace.opB[k] as number);
      touch(a, trace.opStep[k] as number);
      if (b !== a) touch(b, trace.opStep[k] as number);
    }
    for (const [key, list] of lists) {
      const sorted = Uint32Array.from(list).sort();
      let n = 0;
      for (let i = 0; i < sorted.length; i++)
        if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] as number;
      this.steps.set(key, sorted.slice(0, n));
    }
  }

  /** The steps that touch the element, ascending. */
  stepsOf(key: string): Uint32Array {
    return this.steps.get(key) ?? EMPTY;
  }

  /** The first step after `step` that touches the element, or -1. */
  next(key: string, step: number): number {
    const s = this.stepsOf(key);
    const k = firstAbove(s, step);
    return k < s.length ? (s[k] as number) : -1;
  }

  /** The last step before `step` that touches the element, or -1. */
  previous(key: string, step: number): number {
    const s = this.stepsOf(key);
    const k = firstAbove(s, step - 1) - 1;
    return k >= 0 ? (s[k] as number) : -1;
  }

  private stringOf(ref: number): string | undefined {
    return tagOf(ref) === REF.STRING ? this.trace.strings[payloadOf(ref)] : undefined;
  }
}

const EMPTY = new Uint32Array(0);
