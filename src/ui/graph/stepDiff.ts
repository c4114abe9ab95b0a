import type { StepView } from '../../tracer/view';

/** The keys of two maps whose values differ by `same` (present in one only counts). */
function diffKeys<V>(
  a: ReadonlyMap<string, V> | undefined,
  b: ReadonlyMap<string, V> | undefined,
  same: (x: V, y: V) => boolean,
  out: Set<string>,
): void {
  for (const [k, x] of a ?? []) {
    const y = b?.get(k);
    if (y === undefined || !same(x, y)) out.add(k);
  }
  for (const k of b?.keys() ?? []) if (!a?.has(k)) out.add(k);
}

const sameHighlights = (x: ReadonlyArray<{ color: string }>, y: ReadonlyArray<{ color: string }>): boolean =>
  x.length === y.length && x.every((h, i) => h.color === y[i]?.color);
const sameColor = (x: { color: string }, y: { color: string }): boolean => x.color === y.color;
const sameTree = (x: { color: string; towards: string }, y: { color: string; towards: string }): boolean =>
  x.color === y.color && x.towards === y.towards;

/**
 * The elements whose look differs between two steps' views: highlights, badges, fills, tree edges.
 * When the script changed the graph in between, every element either view names is included, since
 * an element added back needs its look again.
 */
export function changedKeys(before: StepView, after: StepView): Set<string> {
  const out = new Set<string>();
  diffKeys(before.highlights, after.highlights, sameHighlights, out);
  diffKeys(before.badges, after.badges, (x, y) => x === y, out);
  diffKeys(before.badgeFull, after.badgeFull, (x, y) => x === y, out);
  diffKeys(before.drawing?.fills, after.drawing?.fills, sameColor, out);
  diffKeys(before.drawing?.tree, after.drawing?.tree, sameTree, out);
  if (before.structure !== after.structure) {
    for (const m of [
      after.highlights,
      after.badges,
      after.drawing?.fills ?? new Map(),
      after.drawing?.tree ?? new Map(),
    ])
      for (const k of m.keys()) out.add(k);
  }
  return out;
}
