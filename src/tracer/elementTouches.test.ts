import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { ElementTouches } from './elementTouches';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

/** Steps (0-based) whose line is `line`. */
const stepsOnLine = (reader: TraceReader, line: number): number[] =>
  Array.from({ length: reader.length }, (_, i) => i).filter((i) => reader.step(i).line === line);

describe('steps that touch a graph element', () => {
  it('[T-TOUCH1] a graph operation, a variable bound to the key or moved off it, and a collection holding the key', async () => {
    const code = [
      "let node = 'A';", // 1
      'const dist = new Map<string, number>();', // 2
      "dist.set('B', 1);", // 3
      "node = 'C';", // 4
      "graph.setNodeAttribute('D', 'seen', true);", // 5
      "trace.highlight('E', 'red');", // 6
      "node = 'B';", // 7
      'const x = 1;', // 8
      "node = 'F';", // 9
    ].join('\n');
    const r = await engine.run(request(code));
    expect(r.trace.error).toBeUndefined();
    const reader = new TraceReader(r.trace);
    const touches = new ElementTouches(r.trace);
    const on = (line: number): number => stepsOnLine(reader, line)[0] as number;
    expect([...touches.stepsOf('A')]).toEqual([on(1), on(4)]);
    expect([...touches.stepsOf('B')]).toEqual([on(3), on(7), on(9)]);
    expect([...touches.stepsOf('D')]).toEqual([on(5)]);
    expect([...touches.stepsOf('E')]).toEqual([on(6)]);
    expect(touches.stepsOf('J').length).toBe(0);
    // next and previous skip the steps that do not touch it
    expect(touches.next('B', on(3))).toBe(on(7));
    expect(touches.previous('B', on(9))).toBe(on(7));
    expect(touches.previous('B', on(3))).toBe(-1);
    expect(touches.next('E', on(6))).toBe(-1);
  });

  it('[T-TOUCH1] next and previous agree with a scan of the element steps (fuzzed)', async () => {
    const r = await engine.run(
      request(
        [
          'const order: string[] = [];',
          'for (const n of graph.nodes()) { order.push(n); if (order.length % 3 === 0) order.shift(); }',
        ].join('\n'),
      ),
    );
    const touches = new ElementTouches(r.trace);
    const keys = ['A', 'B', 'C', 'J', 'missing'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.nat(r.trace.stepCount + 2), (key, step) => {
        const all = [...touches.stepsOf(key)];
        expect(touches.next(key, step)).toBe(all.find((s) => s > step) ?? -1);
        expect(touches.previous(key, step)).toBe(all.filter((s) => s < step).pop() ?? -1);
      }),
      { numRuns: 300 },
    );
    expect(touches.stepsOf('A').length).toBeGreaterThan(0);
  });
});
