import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import type { RunResponse } from '../protocol/run';
import type { TraceValue } from '../protocol/trace';
import { formatValue } from './format';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const run = (code: string): Promise<RunResponse> => engine.run(request(code));

/** The shown value of `name` after each step whose line is `line`. */
function valuesOn(r: RunResponse, name: string): Array<[number, string, boolean]> {
  const rd = new TraceReader(r.trace);
  const out: Array<[number, string, boolean]> = [];
  for (let i = 0; i < rd.length; i++) {
    const v = rd.variables(i).find((x) => x.name === name);
    if (v) out.push([rd.step(i).line, formatValue(v.value, false), v.changed]);
  }
  return out;
}

const final = (r: RunResponse, name: string): TraceValue | undefined => {
  const rd = new TraceReader(r.trace);
  return rd.variables(rd.length - 1).find((v) => v.name === name)?.value;
};

describe('operations on collections', () => {
  it('[T-OP1] array push, pop, shift and unshift show at each step, marked changed on their step', async () => {
    const r = await run(
      ['const q: number[] = [];', 'q.push(1, 2);', 'q.shift();', 'q.unshift(0);', 'q.pop();', 'q.push(3);'].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(valuesOn(r, 'q')).toEqual([
      [1, '[]', true],
      [2, '[1, 2]', true],
      [3, '[2]', true],
      [4, '[0, 2]', true],
      [5, '[0]', true],
      [6, '[0, 3]', true],
    ]);
  });

  it('[T-OP1] a collection is copied once, then each change is one operation', async () => {
    const r = await run(['const a: number[] = [];', 'for (let i = 0; i < 300; i++) {', '  a.push(i);', '}'].join('\n'));
    expect(r.trace.opCount).toBe(300);
    expect(r.trace.objectCount).toBe(1);
    expect(final(r, 'a')).toMatchObject({ $: 'array', size: 300 });
  });

  it('[T-OP1] Map set/delete/clear and Set add/delete', async () => {
    const r = await run(
      [
        'const m = new Map<string, number>();',
        "m.set('A', 1);",
        "m.set('B', 2);",
        "m.set('A', 5);",
        "m.delete('B');",
        'const s = new Set([1]);',
        's.add(2);',
        's.add(2);',
        's.delete(1);',
        'm.clear();',
      ].join('\n'),
    );
    expect(valuesOn(r, 'm').map(([line, v]) => [line, v])).toEqual([
      [1, 'Map(0) {}'],
      [2, 'Map(1) {"A" => 1}'],
      [3, 'Map(2) {"A" => 1, "B" => 2}'],
      [4, 'Map(2) {"A" => 5, "B" => 2}'],
      [5, 'Map(1) {"A" => 5}'],
      [6, 'Map(1) {"A" => 5}'],
      [7, 'Map(1) {"A" => 5}'],
      [8, 'Map(1) {"A" => 5}'],
      [9, 'Map(1) {"A" => 5}'],
      [10, 'Map(0) {}'],
    ]);
    expect(valuesOn(r, 's').map(([, v, c]) => [v, c])).toEqual([
      ['Set(1) {1}', true],
      ['Set(2) {1, 2}', true],
      ['Set(2) {1, 2}', false],
      ['Set(1) {2}', true],
      ['Set(1) {2}', false],
    ]);
  });

  it('[T-OP1] [T-OP2] member assignment, compound assignment, ++, delete and a destructuring swap', async () => {
    const r = await run(
      [
        'const o: Record<string, number> = { a: 1 };',
        'o.b = 2;',
        "o['a'] += 10;",
        'o.b++;',
        'delete o.a;',
        'const xs = [1, 2, 3];',
        '[xs[0], xs[2]] = [xs[2], xs[0]];',
        'xs.length = 2;',
      ].join('\n'),
    );
    expect(valuesOn(r, 'o').map(([, v]) => v)).toEqual([
      '{ a: 1 }',
      '{ a: 1, b: 2 }',
      '{ a: 11, b: 2 }',
      '{ a: 11, b: 3 }',
      '{ b: 3 }',
      '{ b: 3 }',
      '{ b: 3 }',
      '{ b: 3 }',
    ]);
    expect(valuesOn(r, 'xs').map(([, v]) => v)).toEqual(['[1, 2, 3]', '[3, 2, 1]', '[3, 2]']);
  });

  it('[T-OP3] nested collections: a change inside a map of arrays shows in the map', async () => {
    const r = await run(
      [
        'const adj = new Map<string, string[]>();',
        "adj.set('A', []);",
        "adj.get('A')!.push('B');",
        "adj.get('A')!.push('C');",
      ].join('\n'),
    );
    expect(valuesOn(r, 'adj').map(([, v]) => v)).toEqual([
      'Map(0) {}',
      'Map(1) {"A" => []}',
      'Map(1) {"A" => ["B"]}',
      'Map(1) {"A" => ["B", "C"]}',
    ]);
  });

  it('[T-SEEK1] every step of a long trace reads the same as replaying it from the start', async () => {
    const r = await run(
      [
        'const a: number[] = [];',
        'const m = new Map<number, number>();',
        'for (let i = 0; i < 2000; i++) {',
        '  if (i % 3 === 0 && a.length > 0) a.shift(); else a.push(i);',
        '  m.set(i % 50, i);',
        '}',
      ].join('\n'),
    );
    // the same script, checked against plain JavaScript at sampled iterations
    const rd = new TraceReader(r.trace);
    const expected = (iter: number): { a: number[]; m: number } => {
      const a: number[] = [];
      const m = new Map<number, number>();
      for (let i = 0; i <= iter; i++) {
        if (i % 3 === 0 && a.length > 0) a.shift();
        else a.push(i);
        m.set(i % 50, i);
      }
      return { a, m: m.size };
    };
    const lineOf = (i: number): number => rd.step(i).line;
    let iter = -1;
    const checks: number[] = [];
    for (let i = 0; i < rd.length; i++) {
      if (lineOf(i) === 3) iter++;
      if (lineOf(i) === 5 && iter % 97 === 0) checks.push(i);
    }
    for (const step of checks.reverse()) {
      const vars = rd.variables(step, { items: 5000, depth: 2 });
      const a = vars.find((v) => v.name === 'a')?.value as { items: number[] };
      const i = vars.find((v) => v.name === 'i')?.value as number;
      expect(a.items).toEqual(expected(i).a);
    }
    expect(checks.length).toBeGreaterThan(10);
  });

  it('[T-OP2] semantics are kept: a missing method, evaluation order, bigint ++, setters', async () => {
    const r = await run(
      [
        'const log: string[] = [];',
        'const arr = [1];',
        'let i = 0;',
        "arr[i] += (log.push('rhs'), arr[0] = 100, 1);",
        'const big = { n: 1n };',
        'big.n++;',
        'let seen = 0;',
        'const box = { set v(x: number) { seen = x * 2; } };',
        'box.v = 21;',
        'let message = "";',
        'try { (arr as any).nope.push(1); } catch (e) { message = (e as Error).message; }',
        'let message2 = "";',
        'try { (arr as any).add(1); } catch (e) { message2 = (e as Error).message; }',
        'export default { arr, n: String(big.n), seen, message, message2 };',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(r.result).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['arr', { $: 'array', items: [2], size: 1 }],
        ['n', '2'],
        ['seen', 42],
        ['message', "Cannot read properties of undefined (reading 'push')"],
        ['message2', 'arr.add is not a function'],
      ],
      size: 5,
    });
  });

  it('[T-OP4] past 100,000 entries only the size is followed', async () => {
    const r = await run(
      ['const a: number[] = [];', 'for (let i = 0; i < 100005; i++) a.push(i);', 'a.push(-1);'].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(final(r, 'a')).toEqual({ $: 'array', items: [], size: 100006 });
    expect(r.trace.opCount).toBeLessThan(100010);
  }, 20_000);

  it('[T-OP4] a big array sorted again and again is not copied each time', async () => {
    const r = await run(
      [
        'const big = Array.from({ length: 20000 }, (_, i) => i);',
        'for (let k = 0; k < 5; k++) big.sort((a, b) => b - a);',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(r.trace.opCount).toBeLessThan(20_010);
    expect(final(r, 'big')).toEqual({ $: 'array', items: [], size: 20000 });
  });

  it('[T-READ2] a block-scoped variable shows only while its block runs; outer frames show from their call site', async () => {
    const r = await run(
      [
        'let total = 0;',
        'for (const x of [1, 2]) {',
        '  const doubled = x * 2;',
        '  total += doubled;',
        '}',
        'function f(n: number) {',
        '  return n + total;',
        '}',
        'const y = f(1);',
      ].join('\n'),
    );
    const rd = new TraceReader(r.trace);
    const namesOn = (line: number): string[][] => {
      const out: string[][] = [];
      for (let i = 0; i < rd.length; i++)
        if (rd.step(i).line === line)
          out.push(
            rd
              .variables(i)
              .map((v) => v.name)
              .sort(),
          );
      return out;
    };
    expect(namesOn(4)[0]).toEqual(['doubled', 'total', 'x']);
    expect(namesOn(9)[0]).toEqual(['total']);
    const inside = namesOn(7)[0] ?? [];
    expect(inside).toEqual(expect.arrayContaining(['n', 'total']));
    expect(inside).not.toContain('x');
    expect(inside).not.toContain('doubled');
  });
});
