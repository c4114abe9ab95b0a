import { describe, expect, it } from 'vitest';
import { compileCondition, type ConditionScope, type CValue, type RecordedCollection } from './condition';
import { evaluateCondition } from './conditionEval';

/** A recorded Map, Set, array or object made from plain JS values, as the trace adapter would give it. */
let ids = 0;
function map(entries: Array<[CValue, CValue]>): RecordedCollection {
  return { kind: 'map', id: ids++, size: entries.length, item: () => undefined, pairs: () => entries };
}
function set(values: CValue[]): RecordedCollection {
  return { kind: 'set', id: ids++, size: values.length, item: () => undefined, pairs: () => values.map((v) => [v, v]) };
}
function array(items: CValue[]): RecordedCollection {
  return { kind: 'array', id: ids++, size: items.length, item: (i) => items[i], pairs: () => [] };
}
function object(entries: Array<[string, CValue]>): RecordedCollection {
  return { kind: 'object', id: ids++, size: entries.length, item: () => undefined, pairs: () => entries };
}

const dist = map([
  ['A', 0],
  ['B', 7],
]);
const vars: Record<string, CValue> = {
  dist,
  node: 'B',
  visited: set(['A']),
  queue: array(['C', 'D']),
  pos: object([
    ['x', 3],
    ['__proto__', 'own'],
  ]),
  n: 4,
  f: { kind: 'opaque', what: 'a function' },
};
const scope: ConditionScope = (name) => (Object.hasOwn(vars, name) ? { value: vars[name] } : undefined);

function evaluate(text: string) {
  const c = compileCondition(text);
  if (!c.ok) return { compileError: c.error };
  return evaluateCondition(c.expr, scope);
}

describe('breakpoint conditions over recorded values', () => {
  it('[T-BP2] evaluates the script’s own terms: Map get/has/size, Set has, arrays, objects, operators', () => {
    expect(evaluate('dist.get(node) > 5')).toEqual({ ok: true, value: true });
    expect(evaluate('dist.get(node)! > 7')).toEqual({ ok: true, value: false });
    expect(evaluate("dist.has('C') || visited.has('A')")).toEqual({ ok: true, value: true });
    expect(evaluate('dist.size === 2 && queue.length == 2')).toEqual({ ok: true, value: true });
    expect(evaluate("queue[1] === 'D' && queue.includes('C')")).toEqual({ ok: true, value: true });
    expect(evaluate('pos.x * 2 + 1 === 7 && pos.y === undefined')).toEqual({ ok: true, value: true });
    expect(evaluate('(n % 3 ? -n : n ** 2) === -4')).toEqual({ ok: true, value: true });
    expect(evaluate("node.length === 1 && (dist.get('Z') ?? 9) === 9")).toEqual({ ok: true, value: true });
    expect(evaluate('dist === dist && dist !== visited')).toEqual({ ok: true, value: true });
    expect(evaluate('!visited.has(node)')).toEqual({ ok: true, value: true });
  });

  it('[T-BP2] a name that is not in scope at the step, or a missing method, is an error, not a crash', () => {
    expect(evaluate('nope > 1')).toEqual({ ok: false, error: 'no variable `nope` at this step' });
    expect(evaluate('dist.keys')).toMatchObject({ ok: false, error: expect.stringContaining('has only .size') });
    expect(evaluate('f.name')).toMatchObject({ ok: false, error: expect.stringContaining('a function') });
    expect(evaluate('dist + 1')).toMatchObject({
      ok: false,
      error: expect.stringContaining('cannot be used on a Map'),
    });
    expect(evaluate('visited.get(1)')).toMatchObject({ ok: false, error: expect.stringContaining('.get() cannot') });
  });

  it('[T-BP3] hostile conditions are refused or evaluate to an error, and never run anything', () => {
    const g = globalThis as { pwned?: unknown };
    const hostile = [
      "constructor.constructor('globalThis.pwned = 1')()",
      "dist.constructor.constructor('globalThis.pwned = 1')()",
      "node.constructor('globalThis.pwned = 1')",
      '(() => globalThis.pwned = 1)()',
      'globalThis.pwned = 1',
      "eval('globalThis.pwned = 1')",
      "new Function('globalThis.pwned = 1')",
      "queue['constructor']['constructor']('globalThis.pwned = 1')",
      '`${globalThis.pwned = 1}`',
      "import('data:text/javascript,globalThis.pwned=1')",
      'node.__proto__.polluted = 1',
      'this.x',
      'n++',
      'a, b',
    ];
    for (const text of hostile) {
      const r = evaluate(text);
      expect(r, text).not.toMatchObject({ ok: true, value: true });
      expect('compileError' in r || r.ok === false, text).toBe(true);
    }
    expect(g.pwned).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('[T-BP3] prototype names read only recorded entries', () => {
    expect(evaluate('__proto__')).toEqual({ ok: false, error: 'no variable `__proto__` at this step' });
    expect(evaluate('constructor')).toEqual({ ok: false, error: 'no variable `constructor` at this step' });
    expect(evaluate("pos.__proto__ === 'own' && pos.constructor === undefined")).toEqual({ ok: true, value: true });
    expect(evaluate('pos.toString')).toEqual({ ok: true, value: false });
    expect(evaluate('node.constructor')).toMatchObject({ ok: false });
    expect(evaluate("dist.get('__proto__')")).toEqual({ ok: true, value: false });
  });

  it('[T-BP3] huge or deeply nested input is refused with a clear message, quickly', () => {
    const t0 = performance.now();
    expect(evaluate('n > 1 || '.repeat(200_000) + 'true')).toEqual({
      compileError: 'a condition has at most 500 characters',
    });
    expect(evaluate('('.repeat(240) + 'n' + ')'.repeat(240))).toEqual({ ok: true, value: true });
    expect(evaluate('!'.repeat(100) + 'n')).toEqual({ compileError: 'a condition nests at most 64 deep' });
    const tree = (k: number): string => (k === 0 ? 'n' : `(${tree(k - 1)}+${tree(k - 1)})`);
    expect(evaluate(tree(5))).toEqual({ ok: true, value: true });
    expect(evaluate(tree(6))).toEqual({ compileError: 'a condition has at most 100 parts' });
    expect(evaluate('')).toEqual({ compileError: 'the condition is empty' });
    expect(evaluate('dist.get(')).toMatchObject({ compileError: expect.stringContaining('not an expression') });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
