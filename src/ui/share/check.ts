// Small strict readers for untrusted JSON. Each throws ShapeError with the path of the bad field;
// the validators turn that into a SHARE_BAD_SHAPE result at their boundary, so nothing escapes.

/** A field that is not what the format says, with its path (`graph.nodes[3].key`). */
export class ShapeError extends Error {
  constructor(
    /** Where in the document, e.g. `graph.edges[2].source`. */
    readonly path: string,
    /** What was expected there. */
    readonly expected: string,
  ) {
    super(`${path || 'the document'} must be ${expected}`);
  }
}

/** A plain JSON object. */
export type Obj = Record<string, unknown>;

export function obj(v: unknown, path: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(path, 'an object');
  for (const k of Object.keys(v))
    if (!keys.includes(k)) throw new ShapeError(path ? `${path}.${k}` : k, 'absent (unknown field)');
  return v as Obj;
}

export function str(v: unknown, path: string, max: number, min = 0): string {
  if (typeof v !== 'string' || v.length > max || v.length < min)
    throw new ShapeError(path, `a string of ${min} to ${max} characters`);
  return v;
}

export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new ShapeError(path, `a whole number from ${min} to ${max}`);
  return v;
}

export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e9)
    throw new ShapeError(path, 'a finite number within ±1e9');
  return v;
}

export function arr(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v) || v.length > max) throw new ShapeError(path, `a list of at most ${max} items`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    throw new ShapeError(path, `one of ${values.join(', ')}`);
  return v as T;
}

/** A JSON object of attributes, nested at most `depth` deep (so checking it cannot overflow the stack). */
export function attrs(v: unknown, path: string, depth = 8): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(path, 'an object of attributes');
  json(v, path, depth);
  return v as Obj;
}

function json(v: unknown, path: string, depth: number): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ShapeError(path, 'a finite number');
    return;
  }
  if (depth <= 0 || typeof v !== 'object') throw new ShapeError(path, 'JSON nested at most 8 deep');
  if (Array.isArray(v)) v.forEach((x, i) => json(x, `${path}[${i}]`, depth - 1));
  else for (const [k, x] of Object.entries(v)) json(x, `${path}.${k}`, depth - 1);
}
