import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECT_KIND, OP, REF, TRACE_VERSION, type Trace, type TraceGraphOp } from '../protocol/trace';
import { graphStateOf } from './graphState';
import { TraceReader } from './reader';

const int = (n: number): number => n * 8 + REF.INT;
const KINDS = [OBJECT_KIND.ARRAY, OBJECT_KIND.MAP, OBJECT_KIND.SET, OBJECT_KIND.OBJECT] as const;
const GRAPH_KINDS = ['addNode', 'dropNode', 'addEdge', 'dropEdge', 'setNodeAttribute', 'highlight', 'label', 'note'];

/** One random event of a step: an object operation, a print or a graph operation. */
const eventArb = fc.oneof(
  fc.record({ t: fc.constant('op' as const), obj: fc.nat(3), code: fc.nat(9), a: fc.nat(5), b: fc.nat(50) }),
  fc.record({ t: fc.constant('print' as const), text: fc.string({ maxLength: 6 }) }),
  fc.record({
    t: fc.constant('graph' as const),
    kind: fc.constantFrom(...GRAPH_KINDS),
    a: fc.constantFrom('A', 'B', 'C', 'e1'),
    b: fc.constantFrom('A', 'B', 'x', 'red', ''),
  }),
);

/** A well-formed trace: one module frame, four objects of each kind, events spread over its steps. */
const traceArb = fc
  .record({ steps: fc.integer({ min: 1, max: 400 }), events: fc.array(eventArb, { maxLength: 600 }) })
  .chain(({ steps, events }) =>
    fc
      .array(fc.nat(steps - 1), { minLength: events.length, maxLength: events.length })
      .map((at) => buildTrace(steps, events, at)),
  );

type Event = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;

function buildTrace(steps: number, events: Event[], at: number[]): Trace {
  const order = events.map((e, k) => ({ e, step: at[k] as number })).sort((x, y) => x.step - y.step);
  const ops = order.filter((o) => o.e.t === 'op');
  const opCode = Uint8Array.from(ops.map((o) => (o.e.t === 'op' ? o.e.code : 0)));
  const graphOps: TraceGraphOp[] = [];
  const output: Trace['output'] = [];
  for (const { e, step } of order) {
    if (e.t === 'print') output.push({ step, stream: 'stdout', text: e.text });
    if (e.t === 'graph')
      graphOps.push({ step, kind: e.kind, args: e.kind === 'addEdge' ? [e.a, e.b, 'C', false] : [e.a, e.b, 1] });
  }
  return {
    version: TRACE_VERSION,
    files: ['main.ts'],
    names: ['main.ts'],
    statements: [{ file: 0, line: 1, column: 1 }],
    slots: [{ name: 'a', file: 0, line: 1 }],
    stepCount: steps,
    stepStatement: new Uint16Array(steps),
    runCount: 1,
    runStep: Uint32Array.of(0),
    runFrame: Uint32Array.of(0),
    frames: { depth: Uint16Array.of(0), name: Uint32Array.of(0), module: Uint16Array.of(0) },
    writeCount: 1,
    writeStep: Uint32Array.of(0),
    writeSlot: Uint32Array.of(0),
    writeFrame: Uint32Array.of(0),
    writeValue: Uint32Array.of(0 * 8 + REF.OBJECT),
    strings: [],
    numbers: new Float64Array(0),
    others: [],
    objectCount: 4,
    objectKind: Uint8Array.from(KINDS),
    objectClass: new Uint32Array(4),
    opCount: ops.length,
    opStep: Uint32Array.from(ops.map((o) => o.step)),
    opObject: Uint32Array.from(ops.map((o) => (o.e.t === 'op' ? o.e.obj : 0))),
    opCode,
    opA: Uint32Array.from(ops.map((o) => int(o.e.t === 'op' ? o.e.a : 0))),
    opB: Uint32Array.from(ops.map((o) => int(o.e.t === 'op' ? o.e.b : 0))),
    output,
    graphOps,
    modules: [{ file: 'main.ts', parent: -1 }],
  };
}

/** An object's content after step `i`, replayed from step 0 with plain arrays and maps. */
function replayObject(tr: Trace, id: number, i: number) {
  const items: number[] = [];
  const entries = new Map<string | number, [number, number]>();
  let opaqueSize: number | undefined;
  for (let k = 0; k < tr.opCount && (tr.opStep[k] as number) <= i; k++) {
    if (tr.opObject[k] !== id) continue;
    const a = tr.opA[k] as number;
    const b = tr.opB[k] as number;
    const n = (a - REF.INT) / 8;
    const code = tr.opCode[k];
    if (code === OP.CLEAR) [items.length, opaqueSize] = [0, undefined];
    if (code === OP.CLEAR) entries.clear();
    if (code === OP.PUSH) items.push(b);
    if (code === OP.POP) items.pop();
    if (code === OP.SHIFT) items.shift();
    if (code === OP.UNSHIFT) items.unshift(b);
    if (code === OP.SET && tr.objectKind[id] === OBJECT_KIND.ARRAY) items[n] = b;
    else if (code === OP.SET) entries.set(a, [a, b]);
    if (code === OP.DELETE) entries.delete(a);
    if (code === OP.ADD) entries.set(a, [a, a]);
    if (code === OP.LENGTH) items.length = n;
    if (code === OP.SIZE) opaqueSize = n;
  }
  return { items, entries, opaqueSize };
}

describe('the reader answers from snapshots what a replay from step 0 answers', () => {
  it('[T-SEEK2] graph state, output, notes and every object, at random steps in random order (fuzzed)', () => {
    fc.assert(
      fc.property(traceArb, fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 }), (tr, picks) => {
        const reader = new TraceReader(tr);
        for (const pick of picks) {
          const i = pick % tr.stepCount;
          const printed = tr.output.filter((o) => o.step <= i);
          expect(reader.outputCount(i)).toBe(printed.length);
          expect(reader.output(i)).toEqual(printed);
          const ops = tr.graphOps.filter((o) => o.step <= i);
          expect(reader.graphState(i)).toEqual(graphStateOf(ops));
          expect(reader.noteCount(i)).toBe(ops.filter((o) => o.kind === 'note').length);
          for (let o = 0; o < tr.objectCount; o++) expect(reader.objects.at(o, i)).toEqual(replayObject(tr, o, i));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('[T-SEEK2] what a query returns is the caller own: changing it changes no later answer', () => {
    const tr = buildTrace(
      3,
      [
        { t: 'graph', kind: 'addNode', a: 'A', b: 'x' },
        { t: 'op', obj: 0, code: OP.PUSH, a: 0, b: 7 },
      ],
      [0, 0],
    );
    const reader = new TraceReader(tr);
    reader.graphState(2).addedNodes.clear();
    reader.objects.at(0, 2).items.push(99);
    expect([...reader.graphState(2).addedNodes.keys()]).toEqual(['A']);
    expect(reader.objects.at(0, 2).items).toEqual([int(7)]);
  });
});
