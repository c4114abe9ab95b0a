import type { Trace } from '../src/protocol/trace';

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Runs `fn` `warm` times unmeasured, then `runs` times; returns each measured duration in ms. */
export async function timeRuns(fn: () => Promise<unknown>, warm: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Bytes a trace takes: its typed columns plus its other fields as JSON (what a copy or a file would hold). */
export function traceBytes(trace: Trace): number {
  let bytes = 0;
  const rest: Record<string, unknown> = {};
  const visit = (o: Record<string, unknown>, into: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(o)) {
      if (ArrayBuffer.isView(v)) bytes += v.byteLength;
      else if (v && typeof v === 'object' && !Array.isArray(v))
        visit(v as Record<string, unknown>, (into[k] = {}) as Record<string, unknown>);
      else into[k] = v;
    }
  };
  visit(trace as unknown as Record<string, unknown>, rest);
  return bytes + JSON.stringify(rest).length;
}

/** Formats a row of cells to fixed widths. */
export function row(cells: Array<string | number>, widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join('  ');
}
