/** The limits a context enforces in issue-2 scope; names follow the manifest (`execution/steps`…). */
export interface Limits {
  /** `execution/total-time`: ms since the module started. */
  totalTimeMs: number;
  /** `execution/steps`: statements executed. */
  steps: number;
}

/** The limits of a module with no manifest (DESIGN.md): 5 s, 1,000,000 steps. */
export const DEFAULT_LIMITS: Limits = { totalTimeMs: 5000, steps: 1_000_000 };

/** The stricter of two sets of limits, field by field. */
export function tighten(a: Limits, b: Partial<Limits>): Limits {
  return {
    totalTimeMs: Math.min(a.totalTimeMs, b.totalTimeMs ?? Infinity),
    steps: Math.min(a.steps, b.steps ?? Infinity),
  };
}
