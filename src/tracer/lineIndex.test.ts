import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../protocol/trace';
import { LineIndex } from './lineIndex';

/** Just the columns the index reads: statements on a few lines of two files, and the steps. */
function traceOf(statements: Array<[number, number]>, steps: number[]): Trace {
  return {
    files: ['main.ts', 'util.ts'],
    statements: statements.map(([file, line]) => ({ file, line, column: 1 })),
    stepCount: steps.length,
    stepStatement: Uint32Array.from(steps),
  } as unknown as Trace;
}

describe('LineIndex', () => {
  it('[T-LINE1] next/previous time a line runs agree with a scan of the steps, from any step', () => {
    const statements = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 6 })), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        statements.chain((st) =>
          fc.tuple(
            fc.constant(st),
            fc.array(fc.integer({ min: 0, max: st.length - 1 }), { maxLength: 300 }),
            fc.integer({ min: -2, max: 305 }),
          ),
        ),
        ([st, steps, from]) => {
          const tr = traceOf(st, steps);
          const index = new LineIndex(tr);
          const lineOf = (i: number) => st[steps[i] as number] as [number, number];
          for (const file of [0, 1])
            for (let line = 1; line <= 6; line++) {
              const runs = steps.flatMap((_, i) => (lineOf(i)[0] === file && lineOf(i)[1] === line ? [i] : []));
              const name = tr.files[file] as string;
              expect([...index.stepsOf(name, line)]).toEqual(runs);
              expect(index.next(name, line, from)).toBe(runs.find((s) => s > from) ?? -1);
              expect(index.previous(name, line, from)).toBe(runs.filter((s) => s < from).pop() ?? -1);
            }
        },
      ),
    );
  });

  it('[T-LINE1] a million steps index in one pass; a query is a binary search', () => {
    const steps = Array.from({ length: 1_000_000 }, (_, i) => i % 7);
    const tr = traceOf(
      Array.from({ length: 7 }, (_, i) => [0, i + 1]),
      steps,
    );
    const t0 = performance.now();
    const index = new LineIndex(tr);
    const built = performance.now() - t0;
    const t1 = performance.now();
    let s = 0;
    for (let k = 0; k < 10_000; k++) s = index.next('main.ts', 3, (s + 12_345) % 999_000);
    const perQuery = (performance.now() - t1) / 10_000;
    expect(built).toBeLessThan(1_000);
    expect(perQuery).toBeLessThan(0.05);
    expect(index.next('main.ts', 3, 10)).toBe(16);
    expect(index.previous('main.ts', 3, 10)).toBe(9);
    expect(index.next('main.ts', 99, 10)).toBe(-1);
  });
});
