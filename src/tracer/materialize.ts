import type { Trace, TraceValue } from '../protocol/trace';
import { OBJECT_KIND, REF } from '../protocol/trace';
import type { ObjectStates } from './objectState';
import { payloadOf, tagOf } from './refs';

/** How much of a value is rebuilt for display. */
export interface ShowBudget {
  /** Items per collection (the size is always exact). */
  items: number;
  /** Nesting depth; deeper values show as `{ $: 'deep' }`. */
  depth: number;
}

export const SHOW_BUDGET: ShowBudget = { items: 100, depth: 4 };

const CONSTANTS: TraceValue[] = [
  { $: 'undefined' },
  null,
  false,
  true,
  { $: 'number', v: 'NaN' },
  { $: 'number', v: 'Infinity' },
  { $: 'number', v: '-Infinity' },
  { $: 'number', v: '-0' },
];

/** Turns a recorded ref into the value shown at `step`, objects rebuilt from their operations. */
export function materialize(
  trace: Trace,
  objects: ObjectStates,
  ref: number | undefined,
  step: number,
  budget: ShowBudget = SHOW_BUDGET,
  seen: Set<number> = new Set(),
  depth = 0,
): TraceValue {
  if (ref === undefined) return { $: 'undefined' };
  const p = payloadOf(ref);
  switch (tagOf(ref)) {
    case REF.CONST:
      return CONSTANTS[p] ?? null;
    case REF.INT:
      return p;
    case REF.NUMBER:
      return trace.numbers[p] as number;
    case REF.STRING:
      return trace.strings[p] ?? '';
    case REF.OTHER:
      return trace.others[p] ?? null;
  }
  if (seen.has(p)) return { $: 'cycle' };
  if (depth >= budget.depth) return { $: 'deep' };
  seen.add(p);
  try {
    const state = objects.at(p, step);
    const inner = (r: number | undefined): TraceValue => materialize(trace, objects, r, step, budget, seen, depth + 1);
    const kind = trace.objectKind[p];
    const cls = trace.strings[trace.objectClass[p] as number] ?? 'Object';
    if (state.opaqueSize !== undefined) {
      if (kind === OBJECT_KIND.ARRAY) return { $: 'array', items: [], size: state.opaqueSize };
      if (kind === OBJECT_KIND.MAP) return { $: 'map', entries: [], size: state.opaqueSize };
      if (kind === OBJECT_KIND.SET) return { $: 'set', items: [], size: state.opaqueSize };
      return { $: 'object', cls, entries: [], size: state.opaqueSize };
    }
    if (kind === OBJECT_KIND.ARRAY) {
      const n = Math.min(state.items.length, budget.items);
      const items: TraceValue[] = [];
      for (let i = 0; i < n; i++) items.push(inner(state.items[i]));
      return { $: 'array', items, size: state.items.length };
    }
    const shown = [...take(state.entries.values(), budget.items)];
    if (kind === OBJECT_KIND.MAP)
      return { $: 'map', entries: shown.map(([k, v]) => [inner(k), inner(v)]), size: state.entries.size };
    if (kind === OBJECT_KIND.SET) return { $: 'set', items: shown.map(([k]) => inner(k)), size: state.entries.size };
    return {
      $: 'object',
      cls,
      entries: shown.map(([k, v]) => [trace.strings[payloadOf(k)] ?? '', inner(v)]),
      size: state.entries.size,
    };
  } finally {
    seen.delete(p);
  }
}

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const x of it) {
    yield x;
    if (++i >= n) return;
  }
}
