import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceGraphOp } from '../protocol/trace';
import { graphStateOf } from './graphState';
import { GraphStates } from './graphStates';

const KINDS = [
  'addNode',
  'dropNode',
  'addEdge',
  'dropEdge',
  'setNodeAttribute',
  'removeNodeAttribute',
  'highlight',
  'label',
  'note',
];

/** A random but well-formed run of operations over a few keys, one per step. */
const opsArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      a: fc.constantFrom('A', 'B', 'C', 'D', 'e1', 'e2'),
      b: fc.constantFrom('A', 'B', 'x', 'y', 'red', ''),
      c: fc.integer({ min: 0, max: 9 }),
    }),
    { maxLength: 3000 },
  )
  .map((list) =>
    list.map((o, step): TraceGraphOp => {
      if (o.kind === 'addEdge') return { step, kind: o.kind, args: [o.a, o.b, 'C', true] };
      if (o.kind === 'highlight') return { step, kind: o.kind, args: [o.a, o.c > 4 ? o.b : null] };
      return { step, kind: o.kind, args: [o.a, o.b, o.c] };
    }),
  );

describe('graph states kept along a trace', () => {
  it('[T-GOP3] a seek in any order gives what replaying every operation from the start gives (fuzzed)', () => {
    fc.assert(
      fc.property(
        opsArb,
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 12 }),
        (ops, seeks) => {
          const states = new GraphStates(ops);
          for (const n of seeks) {
            const got = states.after(n);
            expect(got).toEqual(graphStateOf(ops.slice(0, Math.min(n, ops.length))));
            // what a seek returns is the caller's: changing it changes no later answer
            got.labels.set('A', 'changed');
            const attrs = got.nodeAttributes.get('B');
            if (attrs) attrs.x = 'changed';
          }
          expect(states.after(ops.length)).toEqual(graphStateOf(ops));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('[T-GOP3] 200,000 attribute changes: after the first seek to the end, a seek anywhere replays at most a few thousand', () => {
    const ops: TraceGraphOp[] = Array.from({ length: 200_000 }, (_, i) => ({
      step: i,
      kind: 'setNodeAttribute',
      args: [`n${i % 10}`, 'visits', i],
    }));
    const states = new GraphStates(ops);
    expect(states.after(200_000).nodeAttributes.get('n9')).toEqual({ visits: 199_999 });
    // counts the operations a seek reads, through the array it was given
    let reads = 0;
    const counted = new Proxy(ops, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const warm = new GraphStates(counted);
    warm.after(200_000);
    reads = 0;
    expect(warm.after(123_456).nodeAttributes.get('n6')).toEqual({ visits: 123_456 - 1 - ((123_456 - 1 - 6) % 10) });
    expect(reads).toBeLessThanOrEqual(1024);
  });
});
