import type { TraceValue } from '../protocol/trace';
import { OBJECT_KIND, OP, REF } from '../protocol/trace';
import { materialize, SHOW_BUDGET } from './materialize';
import type { TraceReader } from './reader';
import { payloadOf, tagOf } from './refs';

/** One entry of a collection as the Variables panel lists it. */
export interface CollectionRow {
  /** The index (arrays, Sets: position), the Map key or the property name. */
  key: TraceValue;
  /** The value (a Set's row shows its member). */
  value: TraceValue;
  /** True when the step set, added or moved this entry. */
  changed: boolean;
}

/** A page of a collection's entries at a step. */
export interface CollectionPage {
  /** How many entries the collection has (or had when it became too big to follow). */
  size: number;
  /** The entries `from` … `from + count - 1` (none when only the size was kept). */
  rows: CollectionRow[];
}

/**
 * The entries of the collection a ref names, as they are after step `step`, one page at a time
 * (rule T-ROWS1): rebuilt from the object's nearest snapshot like any value, each entry's value
 * within the usual display budget; an entry is marked changed when an operation of that step set,
 * added, pushed or unshifted it.
 */
export function collectionRows(
  reader: TraceReader,
  ref: number,
  step: number,
  from: number,
  count: number,
): CollectionPage {
  if (tagOf(ref) !== REF.OBJECT) return { size: 0, rows: [] };
  const tr = reader.trace;
  const id = payloadOf(ref);
  const state = reader.objects.at(id, step);
  const kind = tr.objectKind[id];
  if (state.opaqueSize !== undefined) return { size: state.opaqueSize, rows: [] };
  const show = (r: number | undefined): TraceValue => materialize(tr, reader.objects, r, step, SHOW_BUDGET);
  const touched = new Set<string | number>();
  for (const op of reader.objects.opsOn(id, step)) {
    const code = tr.opCode[op];
    const a = tr.opA[op] as number;
    if (kind === OBJECT_KIND.ARRAY) {
      if (code === OP.SET) touched.add(tagOf(a) === REF.INT ? payloadOf(a) : (tr.numbers[payloadOf(a)] as number));
      if (code === OP.UNSHIFT) touched.add(0);
    } else if (code === OP.SET || code === OP.ADD) touched.add(reader.objects.key(a));
  }
  // a push adds the last items: as many as the step pushed
  const pushes =
    kind === OBJECT_KIND.ARRAY ? reader.objects.opsOn(id, step).filter((op) => tr.opCode[op] === OP.PUSH).length : 0;
  const rows: CollectionRow[] = [];
  if (kind === OBJECT_KIND.ARRAY) {
    const size = state.items.length;
    for (let i = from; i < Math.min(size, from + count); i++)
      rows.push({ key: i, value: show(state.items[i]), changed: touched.has(i) || i >= size - pushes });
    return { size, rows };
  }
  const entries = [...state.entries.values()];
  for (let i = from; i < Math.min(entries.length, from + count); i++) {
    const [k, v] = entries[i] as [number, number];
    const changed = touched.has(reader.objects.key(k));
    if (kind === OBJECT_KIND.SET) rows.push({ key: i, value: show(k), changed });
    else if (kind === OBJECT_KIND.MAP) rows.push({ key: show(k), value: show(v), changed });
    else rows.push({ key: tr.strings[payloadOf(k)] ?? '', value: show(v), changed });
  }
  return { size: entries.length, rows };
}
