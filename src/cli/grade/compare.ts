import type { TraceValue } from '../../protocol/trace';

/** Why a shown value has no plain JSON equal: it was cut short, or holds what JSON cannot. */
export class NotPlain extends Error {}

/** A shown value (the response's `result`) as plain JSON, to compare with an exercise's `expect`. */
export function plain(v: TraceValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  switch (v.$) {
    case 'array':
    case 'set':
      if (v.items.length !== v.size) throw new NotPlain(`a ${v.$} of ${v.size} items is shown cut short`);
      return v.items.map(plain);
    case 'map':
    case 'object':
      if (v.entries.length !== v.size) throw new NotPlain(`a ${v.$} of ${v.size} entries is shown cut short`);
      return Object.fromEntries(
        v.entries.map(([k, x]) => [typeof k === 'string' ? k : JSON.stringify(plain(k)), plain(x)]),
      );
    case 'undefined':
      return null;
    default:
      throw new NotPlain(`a ${v.$} has no JSON form`);
  }
}

/** Deep equality of plain JSON values (object keys in any order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
