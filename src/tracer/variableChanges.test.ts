import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECT_KIND, OP, REF, TRACE_VERSION, type Trace } from '../protocol/trace';
import { TraceReader } from './reader';
import { variableChanges } from './variableChanges';

const int = (n: number): number => n * 8 + REF.INT;
const obj = (n: number): number => n * 8 + REF.OBJECT;
const sorted = (steps: number[]): Uint32Array => Uint32Array.from(steps.sort((a, b) => a - b));

/** One frame, two variables written now and then to numbers or to one of two arrays, which are pushed to. */
function traceOf(
  steps: number,
  writes: Array<{ step: number; slot: number; value: number }>,
  pushes: Array<{ step: number; o: number }>,
): Trace {
  writes.sort((a, b) => a.step - b.step);
  pushes.sort((a, b) => a.step - b.step);
  return {
    version: TRACE_VERSION,
    files: ['main.ts'],
    names: ['main.ts'],
    statements: [{ file: 0, line: 1, column: 1 }],
    slots: [
      { name: 'a', file: 0, line: 1 },
      { name: 'b', file: 0, line: 1 },
    ],
    stepCount: steps,
    stepStatement: new Uint16Array(steps),
    runCount: 1,
    runStep: Uint32Array.of(0),
    runFrame: Uint32Array.of(0),
    frames: { depth: Uint16Array.of(0), name: Uint32Array.of(0), module: Uint16Array.of(0) },
    writeCount: writes.length,
    writeStep: sorted(writes.map((w) => w.step)),
    writeSlot: Uint32Array.from(writes.map((w) => w.slot)),
    writeFrame: new Uint32Array(writes.length),
    writeValue: Uint32Array.from(writes.map((w) => w.value)),
    strings: [],
    numbers: new Float64Array(0),
    others: [],
    objectCount: 2,
    objectKind: Uint8Array.of(OBJECT_KIND.ARRAY, OBJECT_KIND.ARRAY),
    objectClass: new Uint32Array(2),
    opCount: pushes.length,
    opStep: sorted(pushes.map((p) => p.step)),
    opObject: Uint32Array.from(pushes.map((p) => p.o)),
    opCode: new Uint8Array(pushes.length).fill(OP.PUSH),
    opA: new Uint32Array(pushes.length),
    opB: new Uint32Array(pushes.length).fill(int(1)),
    output: [],
    graphOps: [],
    modules: [{ file: 'main.ts', parent: -1 }],
  };
}

/** Whether the variable changed on step `j`: the Variables panel's own mark, read by scanning. */
function changedOn(tr: Trace, slot: number, j: number): boolean {
  let value = -1;
  let written = false;
  for (let w = 0; w < tr.writeCount && (tr.writeStep[w] as number) <= j; w++) {
    if (tr.writeSlot[w] !== slot) continue;
    value = tr.writeValue[w] as number;
    written = tr.writeStep[w] === j;
  }
  if (written) return true;
  if (value < 0 || (value & 7) !== REF.OBJECT) return false;
  for (let k = 0; k < tr.opCount; k++) if (tr.opStep[k] === j && tr.opObject[k] === value >> 3) return true;
  return false;
}

const arb = fc.integer({ min: 1, max: 120 }).chain((steps) =>
  fc.record({
    steps: fc.constant(steps),
    writes: fc.array(
      fc.record({
        step: fc.nat(steps - 1),
        slot: fc.nat(1),
        value: fc.oneof(fc.nat(9).map(int), fc.nat(1).map(obj)),
      }),
      { maxLength: 30 },
    ),
    pushes: fc.array(fc.record({ step: fc.nat(steps - 1), o: fc.nat(1) }), { maxLength: 40 }),
  }),
);

describe('previous and next change of a variable', () => {
  it('[T-CHG1] agree with a scan of the steps for the changed mark, from every step (fuzzed)', () => {
    fc.assert(
      fc.property(arb, ({ steps, writes, pushes }) => {
        const tr = traceOf(steps, writes, pushes);
        const changes = variableChanges(new TraceReader(tr));
        for (const slot of [0, 1]) {
          const marked: number[] = [];
          for (let j = 0; j < steps; j++) if (changedOn(tr, slot, j)) marked.push(j);
          for (let s = 0; s < steps; s++) {
            expect(changes.next({ frame: 0, slot }, s)).toBe(marked.find((j) => j > s) ?? -1);
            expect(changes.previous({ frame: 0, slot }, s)).toBe(marked.filter((j) => j < s).pop() ?? -1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('[T-CHG1] a push to an array the variable no longer holds is not its change', () => {
    const tr = traceOf(
      10,
      [
        { step: 0, slot: 0, value: obj(0) },
        { step: 4, slot: 0, value: obj(1) },
      ],
      [
        { step: 2, o: 0 },
        { step: 6, o: 0 },
        { step: 8, o: 1 },
      ],
    );
    const changes = variableChanges(new TraceReader(tr));
    expect([changes.next({ frame: 0, slot: 0 }, 0), changes.next({ frame: 0, slot: 0 }, 4)]).toEqual([2, 8]);
    expect(changes.previous({ frame: 0, slot: 0 }, 8)).toBe(4);
    expect(changes.previous({ frame: 0, slot: 0 }, 0)).toBe(-1);
  });
});
