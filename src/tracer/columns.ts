/** Typed-array column helpers: a column grows by doubling, and is trimmed once at the end. */

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A copy of `a` with room for at least `need` entries (doubling), or `a` itself when it has room. */
export function grow<T extends Typed>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a as never);
  return b;
}

/** The first `n` entries of a column, as a new array with its own buffer (transferable). */
export function trim<T extends Typed>(a: T, n: number): T {
  return a.slice(0, n) as T;
}

/** Entries `from`…`to` of a column, as a new array with its own buffer. */
export function range<T extends Typed>(a: T, from: number, to: number): T {
  return a.slice(from, to) as T;
}
