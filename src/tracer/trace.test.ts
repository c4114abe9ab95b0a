import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { traceSteps } from '../../test/traceSteps';
import type { RunResponse } from '../protocol/run';
import type { TraceValue } from '../protocol/trace';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const run = (code: string, file = 'main.ts'): Promise<RunResponse> =>
  engine.run(request('', { files: { [file]: code }, main: file }));

const steps = traceSteps;

describe('golden traces', () => {
  it('[T-STEP1] [T-STEP2] [T-WRITE1] [T-READ1] a six-line script gives exactly these steps', async () => {
    const r = await run(
      [
        'let total = 0;',
        'const xs = [3, 4];',
        'for (const x of xs) {',
        '  total += x;',
        '}',
        "console.log('total', total);",
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(steps(r)).toEqual([
      [1, 1, { total: 0 }],
      [2, 1, { xs: { $: 'array', items: [3, 4], size: 2 } }],
      [3, 1, {}],
      [3, 1, { x: 3 }],
      [4, 3, { total: 3 }],
      [3, 1, { x: 4 }],
      [4, 3, { total: 7 }],
      [6, 1, {}],
    ]);
    expect(r.trace.output).toEqual([{ step: 7, stream: 'stdout', text: 'total 7' }]);
  });

  it('[T-STEP2] a for loop steps on each test; a do-while on its test line', async () => {
    const r = await run(
      ['let s = 0;', 'for (let i = 0; i < 2; i++) {', '  s += i;', '}', 'do {', '  s--;', '} while (s > 0);'].join(
        '\n',
      ),
    );
    expect(steps(r)).toEqual([
      [1, 1, { s: 0 }],
      [2, 1, { i: 0 }],
      [3, 3, { s: 0 }],
      [2, 1, { i: 1 }],
      [3, 3, { s: 1 }],
      [2, 1, { i: 2 }],
      [6, 3, { s: 0 }],
      [7, 10, {}],
    ]);
  });

  it("[T-STEP1] [T-STEP3] TypeScript keeps the user's lines; declarations of functions and types are not steps", async () => {
    const r = await run(
      [
        'interface P { x: number }',
        'type T = string;',
        'function id<V>(v: V): V {',
        '  return v;',
        '}',
        'const p: P = { x: 1 } as P;',
        "let s: T = id<string>('a');",
      ].join('\n'),
    );
    expect(steps(r).map(([line, column]) => [line, column])).toEqual([
      [6, 1],
      [7, 1],
      [4, 3],
    ]);
  });
});

describe('frames', () => {
  it('[T-FRAME1] recursion frames stay apart: each has its own n, one level deeper each call', async () => {
    const r = await run(
      [
        'function fact(n) {',
        '  if (n <= 1) return 1;',
        '  return n * fact(n - 1);',
        '}',
        'export default fact(4);',
      ].join('\n'),
    );
    expect(r.result).toBe(24);
    const rd = new TraceReader(r.trace);
    const frames = new Map<number, { depth: number; n: TraceValue[] }>();
    for (let i = 0; i < rd.length; i++) {
      const s = rd.step(i);
      if (s.functionName !== 'fact') continue;
      const n = rd.variables(i).filter((v) => v.name === 'n' && v.frame === s.frame);
      const entry = frames.get(s.frame) ?? { depth: s.depth, n: [] };
      entry.n.push(...n.map((v) => v.value));
      frames.set(s.frame, entry);
    }
    expect([...frames.values()].map((f) => [f.depth, [...new Set(f.n)]])).toEqual([
      [1, [4]],
      [2, [3]],
      [3, [2]],
      [4, [1]],
    ]);
  });

  it("[T-FRAME2] a call gets its caller's depth + 1, whatever returned before it", async () => {
    const r = await run(
      [
        'function fib(n) {',
        '  if (n < 2) return n;',
        '  return fib(n - 1) + fib(n - 2);',
        '}',
        'function g(x) {',
        '  return x;',
        '}',
        'function f(x) {',
        '  return x;',
        '}',
        'export default [fib(3), f(g(1))];',
      ].join('\n'),
    );
    expect(r.result).toEqual({ $: 'array', items: [2, 1], size: 2 });
    const rd = new TraceReader(r.trace);
    const firstStepOfFrame: Array<[string, number, TraceValue | undefined]> = [];
    const seen = new Set<number>();
    for (let i = 0; i < rd.length; i++) {
      const s = rd.step(i);
      if (s.depth === 0 || seen.has(s.frame)) continue;
      seen.add(s.frame);
      const arg = rd.variables(i).find((v) => v.frame === s.frame && (v.name === 'n' || v.name === 'x'));
      firstStepOfFrame.push([s.functionName, s.depth, arg?.value]);
    }
    expect(firstStepOfFrame).toEqual([
      ['fib', 1, 3],
      ['fib', 2, 2],
      ['fib', 3, 1],
      ['fib', 3, 0],
      ['fib', 2, 1],
      ['g', 1, 1],
      ['f', 1, 1],
    ]);
  });

  it('[T-FRAME2] a paused async function or generator does not nest the calls made while it waits', async () => {
    const r = await run(
      [
        'async function visit(n: number): Promise<number> {',
        '  await sleep(1);',
        '  if (n === 0) return 0;',
        '  return 1 + (await visit(n - 1));',
        '}',
        'async function leaf(x: number) {',
        '  await sleep(1);',
        '  return x;',
        '}',
        'function* gen() {',
        '  yield 1;',
        '}',
        'function h() {',
        '  return 0;',
        '}',
        'const it = gen();',
        'const pair = [it.next().value, h()];',
        'export default [await visit(2), ...(await Promise.all([leaf(1), leaf(2)])), ...pair];',
      ].join('\n'),
    );
    expect(r.result).toEqual({ $: 'array', items: [2, 1, 2, 1, 0], size: 5 });
    const rd = new TraceReader(r.trace);
    const depthByFrame = new Map<number, [string, number]>();
    for (let i = 0; i < rd.length; i++) {
      const s = rd.step(i);
      if (s.depth > 0) depthByFrame.set(s.frame, [s.functionName, s.depth]);
    }
    expect([...depthByFrame.values()]).toEqual([
      ['gen', 1],
      ['h', 1],
      ['visit', 1],
      ['visit', 2],
      ['visit', 3],
      ['leaf', 1],
      ['leaf', 1],
    ]);
  });

  it("[T-WRITE2] parameters are written on the calling step, a call's result on the callee's last step", async () => {
    const r = await run(['function twice(n) {', '  return n * 2;', '}', 'const r = twice(5);', 'r;'].join('\n'));
    const rd = new TraceReader(r.trace);
    expect(steps(r)).toEqual([
      [4, 1, {}],
      [2, 3, { r: 10 }],
      [5, 1, {}],
    ]);
    // after step 0 the callee's parameter already holds 5; after step 1 (its return), r holds 10
    const n = rd.variables(1).find((v) => v.name === 'n');
    expect(n).toMatchObject({ value: 5, changed: false });
    const writeOfN = Array.from(r.trace.writeSlot).findIndex((s) => r.trace.slots[s]?.name === 'n');
    expect(r.trace.writeStep[writeOfN]).toBe(0);
    expect(rd.variables(1).find((v) => v.name === 'r')).toMatchObject({ value: 10, changed: true });
    expect(rd.variables(2).find((v) => v.name === 'r')).toMatchObject({ value: 10, changed: false });
  });
});
