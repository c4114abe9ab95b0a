// The figures a conformance run prints: tests that pass natively, the share of those that pass
// traced, exclusions by reason, and every traced failure.
import type { TestResult } from './runTest';

/** A run's figures. */
export interface Summary {
  /** Test files seen. */
  total: number;
  /** Not run, by reason. */
  excluded: Record<string, number>;
  /** Run on both engines. */
  run: number;
  /** Passed natively: the denominator of the traced share. */
  nativePass: number;
  /** Of those, passed traced too. */
  tracedPass: number;
  /** Passed natively, failed traced: what tracing changed. */
  tracedFailures: TestResult[];
  /** Failed natively but passed traced (tracing should change nothing either way). */
  tracedOnly: TestResult[];
}

/** Adds up the results. */
export function summarize(results: readonly TestResult[]): Summary {
  const s: Summary = {
    total: results.length,
    excluded: {},
    run: 0,
    nativePass: 0,
    tracedPass: 0,
    tracedFailures: [],
    tracedOnly: [],
  };
  for (const r of results) {
    if (r.excluded) {
      s.excluded[r.excluded] = (s.excluded[r.excluded] ?? 0) + 1;
      continue;
    }
    s.run++;
    if (r.native?.pass) {
      s.nativePass++;
      if (r.traced?.pass) s.tracedPass++;
      else s.tracedFailures.push(r);
    } else if (r.traced?.pass) s.tracedOnly.push(r);
  }
  return s;
}

/** The report, as printed. */
export function formatSummary(s: Summary, where: string): string {
  const share = s.nativePass === 0 ? 0 : (100 * s.tracedPass) / s.nativePass;
  const lines = [
    `test262 ${where}`,
    `tests: ${s.total}; run: ${s.run}; excluded: ${s.total - s.run}`,
    `passed natively: ${s.nativePass} (failed natively: ${s.run - s.nativePass})`,
    `passed traced, of those: ${s.tracedPass} (${share.toFixed(2)}%)`,
    'excluded by reason:',
    ...Object.entries(s.excluded)
      .sort((a, b) => b[1] - a[1])
      .map(([why, n]) => `  ${String(n).padStart(6)}  ${why}`),
    `traced failures (${s.tracedFailures.length}):`,
    ...s.tracedFailures.map((r) => `  ${r.file}\n    traced: ${r.traced?.outcome ?? '-'}`),
  ];
  if (s.tracedOnly.length > 0)
    lines.push(
      `failed natively, passed traced (${s.tracedOnly.length}):`,
      ...s.tracedOnly.map((r) => `  ${r.file}\n    native: ${r.native?.outcome ?? '-'}`),
    );
  return lines.join('\n');
}
