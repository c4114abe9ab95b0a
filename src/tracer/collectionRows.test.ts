import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { collectionRows } from './collectionRows';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

describe('a collection as rows', () => {
  it('[T-ROWS1] pages of entries after a step, the ones the step made marked; hostile keys are plain data', async () => {
    const r = await engine.run(
      request(
        [
          'const a = Array.from({ length: 150 }, (_, i) => i);', // 1
          'a.push(-1);', // 2
          'const o: Record<string, unknown> = JSON.parse(\'{"__proto__": "<img src=x onerror=alert(1)>", "constructor": 2}\');', // 3
          "const m = new Map<string, number>([['toString', 1]]);", // 4
          "m.set('<b>x</b>', 2);", // 5
        ].join('\n'),
      ),
    );
    expect(r.trace.error).toBeUndefined();
    const reader = new TraceReader(r.trace);
    const stepOf = (line: number): number =>
      Array.from({ length: reader.length }, (_, i) => i).find((i) => reader.step(i).line === line) as number;
    const refOf = (name: string, i: number): number => reader.variables(i).find((v) => v.name === name)?.ref as number;

    const push = stepOf(2);
    const first = collectionRows(reader, refOf('a', push), push, 0, 100);
    expect(first.size).toBe(151);
    expect(first.rows.map((x) => x.value)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(first.rows.some((x) => x.changed)).toBe(false);
    const rest = collectionRows(reader, refOf('a', push), push, 100, 100);
    expect(rest.rows).toHaveLength(51);
    expect(rest.rows[50]).toEqual({ key: 150, value: -1, changed: true });
    // before the push, the same array has no such row
    expect(collectionRows(reader, refOf('a', push), push - 1, 100, 100).rows).toHaveLength(50);

    const end = reader.length - 1;
    const o = collectionRows(reader, refOf('o', end), end, 0, 100);
    expect(o.rows.map((x) => [x.key, x.value])).toEqual([
      ['__proto__', '<img src=x onerror=alert(1)>'],
      ['constructor', 2],
    ]);
    const m = collectionRows(reader, refOf('m', stepOf(5)), stepOf(5), 0, 100);
    expect(m.rows).toEqual([
      { key: 'toString', value: 1, changed: false },
      { key: '<b>x</b>', value: 2, changed: true },
    ]);
    // not a collection: no rows
    expect(collectionRows(reader, 8 + 1, end, 0, 100)).toEqual({ size: 0, rows: [] });
  });
});
