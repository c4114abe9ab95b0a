/**
 * Small shape checks for data that comes out of the sandbox. Each returns the first problem as a
 * path and a reason, or undefined when the value has the shape. The messages were made by a
 * stranger's code, so nothing here trusts a prototype, a getter or a length.
 */

/** A problem found: where, and what is wrong. */
export type Problem = string | undefined;

/** The most entries any array or column from the sandbox may have (a trace of 50 million steps is past every budget). */
export const MAX_ENTRIES = 50_000_000;
/** The most entries of an array of objects (statements, output lines, graph operations…). */
export const MAX_ITEMS = 5_000_000;
/** The longest string accepted (a printed line, a URL, a body of text). */
export const MAX_STRING = 16 * 1024 * 1024;
/** How deeply a shown value may nest. */
export const MAX_DEPTH = 64;

/** A plain object as structured clone makes it (never an array, never a class instance). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

/** A string of at most `max` characters. */
export const isText = (v: unknown, max = MAX_STRING): v is string => typeof v === 'string' && v.length <= max;

/** A whole number in [min, max]. */
export const isInt = (v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A finite number at least 0. */
export const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A real array (not array-like) of at most `max` entries. */
export const isList = (v: unknown, max = MAX_ITEMS): v is unknown[] => Array.isArray(v) && v.length <= max;

/** Checks each item of a list, naming the first bad one. */
export function eachOf(
  path: string,
  v: unknown,
  check: (item: unknown, at: string) => Problem,
  max = MAX_ITEMS,
): Problem {
  if (!isList(v, max)) return `${path} must be an array of at most ${max} entries`;
  for (let i = 0; i < v.length; i++) {
    const p = check(v[i], `${path}[${i}]`);
    if (p) return p;
  }
  return undefined;
}

/** A typed array of exactly one of the given kinds, of at most {@link MAX_ENTRIES} entries. */
export function typed(
  path: string,
  v: unknown,
  kinds: ReadonlyArray<abstract new (...a: never[]) => ArrayBufferView & { length: number }>,
): Problem {
  if (!kinds.some((k) => v instanceof k)) return `${path} must be a ${kinds.map((k) => k.name).join(' or ')}`;
  if ((v as { length: number }).length > MAX_ENTRIES) return `${path} is too long`;
  return undefined;
}

/** Every entry of an integer column is below `bound`. */
export function below(path: string, column: ArrayLike<number>, bound: number, from = 0): Problem {
  for (let i = from; i < column.length; i++) {
    if ((column[i] as number) >= bound) return `${path}[${i}] is out of range`;
  }
  return undefined;
}

/** The first problem among several checks. */
export function first(...problems: Array<() => Problem>): Problem {
  for (const p of problems) {
    const found = p();
    if (found) return found;
  }
  return undefined;
}

/** Only the given keys, and the required ones present. */
export function keys(path: string, v: Record<string, unknown>, required: string[], optional: string[] = []): Problem {
  for (const k of required) if (!(k in v)) return `${path}.${k} is missing`;
  for (const k of Object.keys(v)) {
    if (!required.includes(k) && !optional.includes(k)) return `${path}.${k} is not expected`;
  }
  return undefined;
}
