/** How a limit is counted (after Inox's limit kinds). */
export type LimitKind =
  /** A deadline: ms since the context started. */
  | 'deadline'
  /** A budget used up by charges, never refilled (CPU time, steps). */
  | 'depleting'
  /** Tokens per second; a take waits for the refill (requests). */
  | 'frequency'
  /** Bytes per second; like `frequency`, taken in capacity-sized parts. */
  | 'byteRate'
  /** Tokens held while a resource lives and given back when it is released. */
  | 'total'
  /** How much of something is kept; past it the run goes on and the oldest of the second half is dropped (output). */
  | 'window';

/** Every limit a manifest may set, with its kind. */
export const LIMIT_KINDS = {
  'execution/total-time': 'deadline',
  'execution/steps': 'depleting',
  'execution/cpu-time': 'depleting',
  'net/requests': 'frequency',
  'net/bytes': 'byteRate',
  'modules/simultaneous': 'total',
  'graph/operations': 'depleting',
  'trace/bytes': 'depleting',
  'output/lines': 'window',
  'output/chars': 'window',
} as const satisfies Record<string, LimitKind>;

/** The name of a limit, as written in a manifest. */
export type LimitName = keyof typeof LIMIT_KINDS;

/** Limits by name, in base units (ms, steps, per second, bytes per second, modules); a missing one is not limited here. */
export type Limits = Readonly<Partial<Record<LimitName, number>>>;

/** A limit used up by charges (C-LIM5): what `Context.charge` takes. */
export type DepletingLimitName = {
  [K in LimitName]: (typeof LIMIT_KINDS)[K] extends 'depleting' ? K : never;
}[LimitName];

/** True for a known limit name. */
export const isLimitName = (name: string): name is LimitName => Object.hasOwn(LIMIT_KINDS, name);

/** The limits of a run with no manifest and no settings (DESIGN.md; C-LIM1). */
export const DEFAULT_LIMITS: Limits = {
  'execution/total-time': 5000,
  'execution/steps': 1_000_000,
  'net/requests': 10,
  'modules/simultaneous': 16,
  'graph/operations': 2_000_000,
  'trace/bytes': 256 * 1024 * 1024,
  'output/lines': 100_000,
  'output/chars': 8_000_000,
};

/** The stricter of two sets of limits, name by name; a name missing from both stays missing. */
export function tighten(a: Limits, b: Limits): Limits {
  const out: Partial<Record<LimitName, number>> = { ...a };
  for (const [name, value] of Object.entries(b) as Array<[LimitName, number | undefined]>) {
    if (value === undefined) continue;
    out[name] = Math.min(value, out[name] ?? Infinity);
  }
  return out;
}

/** The first limit of `child` looser than the same limit in `parent`, if any. */
export function looserLimit(
  child: Limits,
  parent: Limits,
): { name: LimitName; child: number; parent: number } | undefined {
  for (const [name, value] of Object.entries(child) as Array<[LimitName, number | undefined]>) {
    const bound = parent[name];
    if (value !== undefined && bound !== undefined && value > bound) return { name, child: value, parent: bound };
  }
  return undefined;
}
