import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { callStacksOf } from './callStack';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const readerOf = async (code: string): Promise<TraceReader> => {
  const r = await engine.run(request(code));
  expect(r.trace.error).toBeUndefined();
  return new TraceReader(r.trace);
};

describe('the call stack at a step', () => {
  it('[T-STACK1] recursion: every frame apart, each at its call site, each with its own locals', async () => {
    const reader = await readerOf(
      [
        'function visit(n: number): number {',
        '  if (n === 0) return 0;',
        '  const r = visit(n - 1);',
        '  return r + 1;',
        '}',
        'const total = visit(3);',
      ].join('\n'),
    );
    // the deepest step: `return 0` in visit(0)
    const deepest = Array.from({ length: reader.length }, (_, i) => i).find(
      (i) => reader.step(i).line === 2 && reader.step(i).depth === 4,
    ) as number;
    const stack = callStacksOf(reader).at(deepest);
    expect(stack.map((f) => `${f.name}@${f.line}/${f.depth}`)).toEqual([
      'visit@2/4',
      'visit@3/3',
      'visit@3/2',
      'visit@3/1',
      'main.ts@6/0',
    ]);
    const n = stack.map((f) => reader.variables(deepest, undefined, f).find((v) => v.name === 'n')?.value);
    expect(n).toEqual([0, 1, 2, 3, undefined]);
    expect(new Set(stack.map((f) => f.frame)).size).toBe(5);
    // the module body's own first step: a stack of one
    expect(callStacksOf(reader).at(0)).toHaveLength(1);
  });

  it('[T-STACK1] a call that already returned (f(g(x))) is not on the stack', async () => {
    const reader = await readerOf(
      [
        'function g(x: number) {',
        '  return x + 1;',
        '}',
        'function f(y: number) {',
        '  return y * 2;',
        '}',
        'const out = f(g(2));',
      ].join('\n'),
    );
    const inF = Array.from({ length: reader.length }, (_, i) => i).find((i) => reader.step(i).line === 5) as number;
    const stack = callStacksOf(reader).at(inF);
    expect(stack.map((s) => `${s.name}@${s.line}`)).toEqual(['f@5', 'main.ts@7']);
    expect(reader.variables(inF, undefined, stack[0]).find((v) => v.name === 'y')?.value).toBe(3);
  });

  it('[T-STACK1] endless recursion lists at most the limit of frames, innermost first', async () => {
    const r = await engine.run(request('function down(n: number): number {\n  return down(n + 1);\n}\ndown(0);'));
    const reader = new TraceReader(r.trace);
    const stack = callStacksOf(reader).at(reader.length - 1, 50);
    expect(stack).toHaveLength(50);
    expect(stack[0]?.depth).toBeGreaterThan(stack[49]?.depth ?? Infinity);
  });
});
