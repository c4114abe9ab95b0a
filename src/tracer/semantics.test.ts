import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import type { RunResponse } from '../protocol/run';
import type { TraceValue } from '../protocol/trace';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const runJs = (code: string): Promise<RunResponse> =>
  engine.run(request('', { files: { 'main.js': code }, main: 'main.js' }));
const arr = (...items: TraceValue[]): TraceValue => ({ $: 'array', items, size: items.length });

/** Scripts whose traced result must equal the result JavaScript gives them untraced. */
const cases: Array<[string, string, TraceValue]> = [
  [
    'closures',
    'function counter() { let c = 0; return () => { c += 1; return c; }; }\nconst f = counter();\nf(); f();\nexport default f();',
    3,
  ],
  [
    'generators',
    'function* g() { let i = 0; while (i < 3) { const back = yield i; i += back ?? 1; } return "end"; }\nconst it = g();\nconst out = [it.next().value, it.next(2).value, it.next().value, it.next().value];\nexport default out;',
    arr(0, 2, 'end', { $: 'undefined' }),
  ],
  [
    'async and await sleep',
    'async function double(x) { await sleep(5); return x * 2; }\nconst [a, b] = await Promise.all([double(1), double(2)]);\nexport default a + b + await double(10);',
    26,
  ],
  [
    'classes and getters',
    'class Shape { constructor(w) { this.w = w; } get area() { return this.w * this.w; } static of(w) { return new this(w); } }\nclass Cube extends Shape { get volume() { return this.area * this.w; } }\nexport default [Shape.of(2).area, new Cube(3).volume];',
    arr(4, 27),
  ],
  [
    'destructuring',
    'const { a, b: [c, d = 5], ...rest } = { a: 1, b: [2], e: 3 };\nlet x, y;\n[x, y] = [y = 7, 9];\nconst swap = ([p, q]) => [q, p];\nexport default [a, c, d, rest.e, x, y, ...swap([1, 2])];',
    arr(1, 2, 5, 3, 7, 9, 2, 1),
  ],
  [
    'labels with continue outer',
    'let s = "";\nouter: for (let i = 0; i < 3; i++) {\n  for (let j = 0; j < 3; j++) {\n    if (j > i) continue outer;\n    s += `${i}${j} `;\n  }\n}\nexport default s;',
    '00 10 11 20 21 22 ',
  ],
  ['labelled break', 'let r = 0;\nblock: {\n  r = 1;\n  if (r) break block;\n  r = 2;\n}\nexport default r;', 1],
  [
    'try/finally',
    'const log = [];\nfunction f() { try { log.push("try"); return "r"; } finally { log.push("finally"); } }\nfunction g() { for (const i of [1, 2]) { try { if (i === 1) continue; return i; } finally { log.push(`f${i}`); } } }\nexport default [f(), g(), log.join(",")];',
    arr('r', 2, 'try,finally,f1,f2'),
  ],
  [
    'exceptions through frames',
    'function a(n) { return b(n) + 1; }\nfunction b(n) { if (n > 1) throw new RangeError(`too big: ${n}`); return n; }\nlet m;\ntry { a(5); } catch (e) { m = `${e.name} ${e.message}`; }\nexport default [m, a(1)];',
    arr('RangeError too big: 5', 2),
  ],
  [
    'for…in',
    'const o = { x: 1, y: 2 };\nconst p = Object.create(o);\np.z = 3;\nconst keys = [];\nfor (const k in p) keys.push(k);\nexport default keys.join(",");',
    'z,x,y',
  ],
  [
    'switch',
    'function f(v) { let r = ""; switch (v) { case 1: r += "a"; case 2: r += "b"; break; default: r += "d"; case 3: r += "c"; } return r; }\nexport default [f(1), f(2), f(3), f(9)].join("|");',
    'ab|b|c|dc',
  ],
  ['do-while', 'let i = 0, n = 0;\ndo { i++; if (i === 2) continue; n += i; } while (i < 5);\nexport default n;', 13],
  [
    'async generators',
    'async function* g() { yield 1; await sleep(1); yield 2; }\nconst xs = [];\nfor await (const x of g()) xs.push(x);\nexport default xs;',
    arr(1, 2),
  ],
  [
    'private fields, statics, super',
    'class A { static n = 3; #p = 2; m() { return this.#p * A.n; } }\nclass B extends A { m() { return super.m() + 1; } }\nexport default new B().m();',
    7,
  ],
  [
    'var and let in loop closures',
    'var fs = [];\nfor (var i = 0; i < 3; i++) fs.push(() => i);\nconst gs = [];\nfor (let j = 0; j < 3; j++) gs.push(() => j);\nexport default fs.map((f) => f()).join("") + gs.map((g) => g()).join("");',
    '333012',
  ],
  [
    'temporal dead zone',
    'let r;\ntry { x; } catch (e) { r = e.name; }\nlet x = 1;\nexport default r;',
    'ReferenceError',
  ],
  [
    'this, arguments, new.target',
    'function f() { return [this === undefined, arguments.length]; }\nfunction F() { this.ok = new.target === F; }\nexport default [...f(1, 2), new F().ok];',
    arr(true, 2, true),
  ],
  [
    'a var and a function of one name',
    'function f() { var g = 1; function g() {} return typeof g; }\nfunction h() { function k() { return 1; } function k() { return 2; } return k(); }\nexport default [f(), h()];',
    arr('number', 2),
  ],
  ['hoisting', 'export default h();\nfunction h() { return typeof later; }\nvar later = 1;', 'undefined'],
];

describe('tracing keeps semantics', () => {
  it.each(cases)('[T-SEM1] %s', async (_name, code, expected) => {
    const r = await runJs(code);
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual(expected);
    expect(r.trace.stepCount).toBeGreaterThan(0);
  });

  it('[T-SEM2] TypeScript runs: types, interfaces, enums, `as`, generics', async () => {
    const code = [
      'interface Edge { from: string; to: string; weight?: number }',
      'type Key = string;',
      'enum Color { Red, Green = 5, Blue }',
      'function first<T>(xs: readonly T[]): T | undefined { return xs[0]; }',
      'class Box<T> { constructor(private readonly v: T) {} get(): T { return this.v; } }',
      'const e = { from: "A", to: "B" } as Edge;',
      'const k: Key = first<string>(["x", "y"])!;',
      'export default [e.to, k, Color.Blue, Color[5], new Box<number>(4).get(), (e.weight ?? 1) satisfies number];',
    ].join('\n');
    const r = await engine.run(request(code));
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual(arr('B', 'x', 6, 'Green', 4, 1));
  });

  it('[T-SEM3] a default-exported function is called with the input and awaited', async () => {
    const code =
      'export default async function main(input: { n: number }) {\n  await sleep(1);\n  return input.n + graph.order;\n}';
    const r = await engine.run(request(code, { input: { n: 5 } }));
    expect(r.result).toBe(15);
  });
});

describe('modules', () => {
  it('[T-MOD1] imports between files and from graphology work; each imported file is its own module', async () => {
    const r = await engine.run(
      request('', {
        files: {
          'main.ts': [
            "import { x, bump } from './util';",
            "import Graph from 'graphology';",
            'const top = 1;',
            'const g = new Graph();',
            "g.addNode('q');",
            'function f() {',
            '  const a = bump(x);',
            '  return a;',
            '}',
            'export default f() + g.order + top;',
          ].join('\n'),
          'util.ts': 'export const x = 40;\nconst hidden = 9;\nexport function bump(n: number) {\n  return n + 1;\n}',
        },
      }),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toBe(43);
    expect(r.trace.modules).toEqual([
      { file: 'main.ts', parent: -1 },
      { file: 'util.ts', parent: 0 },
    ]);
    const rd = new TraceReader(r.trace);
    const inF = Array.from({ length: rd.length }, (_, i) => i).find((i) => rd.step(i).functionName === 'f') as number;
    expect(
      rd
        .variables(inF)
        .map((v) => v.name)
        .sort(),
    ).toEqual(['g', 'top']);
    const inBump = Array.from({ length: rd.length }, (_, i) => i).find(
      (i) => rd.step(i).functionName === 'bump',
    ) as number;
    expect(rd.step(inBump)).toMatchObject({ file: 'util.ts', line: 4, depth: 2, module: 1 });
    expect(
      rd
        .variables(inBump)
        .map((v) => v.name)
        .sort(),
    ).toEqual(['hidden', 'n', 'x']);
  });

  it('[T-MOD1] a file imported twice runs once', async () => {
    const r = await engine.run(
      request('', {
        files: {
          'main.ts': "import { n } from './a';\nimport { m } from './b';\nexport default [n, m];",
          'a.ts': "import { count } from './c';\nexport const n = count;",
          'b.ts': "import { count } from './c';\nexport const m = count;",
          'c.ts': "console.log('c runs');\nexport const count = 1;",
        },
      }),
    );
    expect(r.result).toEqual(arr(1, 1));
    expect(r.trace.output.map((o) => o.text)).toEqual(['c runs']);
  });

  it('[T-MOD1] import cycles work as in ES modules', async () => {
    const even =
      "import { isOdd } from './odd';\nexport function isEven(n: number): boolean {\n  return n === 0 ? true : isOdd(n - 1);\n}";
    const odd =
      "import { isEven } from './even';\nexport function isOdd(n: number): boolean {\n  return n === 0 ? false : isEven(n - 1);\n}";
    const main = "import { isEven } from './even';\nexport const ready = true;\nexport default [isEven(4), isEven(3)];";
    const r = await engine.run(request('', { files: { 'main.ts': main, 'even.ts': even, 'odd.ts': odd } }));
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual(arr(true, false));
    expect(r.trace.modules.map((m) => m.file)).toEqual(['main.ts', 'even.ts', 'odd.ts']);
    // reading a binding of a module that has not run yet is the same ReferenceError as in ES modules
    const early = await engine.run(
      request('', {
        files: {
          'main.ts': main,
          'even.ts': "import { ready } from './main';\nexport const isEven = () => ready;",
          'odd.ts': '',
        },
      }),
    );
    expect(early.error).toMatchObject({ code: 'RUNNER_EXCEPTION', name: 'ReferenceError' });
  });

  it('[T-MOD1] imports are live bindings and load before the importing module runs', async () => {
    const r = await engine.run(
      request('', {
        files: {
          'main.ts': [
            "console.log('main');",
            "import { n, inc, type Counter } from './counter';",
            "import def from './counter';",
            'inc();',
            'const shorthand = { n };',
            'inc();',
            'const c: Counter = { value: n };',
            'export default [n, shorthand.n, c.value, def()];',
          ].join('\n'),
          'counter.ts': [
            "console.log('counter');",
            'export let n = 0;',
            'export interface Counter { value: number }',
            'export function inc() {',
            '  n++;',
            '}',
            'export default () => n * 10;',
          ].join('\n'),
        },
      }),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual(arr(2, 1, 2, 20));
    expect(r.trace.output.map((o) => o.text)).toEqual(['counter', 'main']);
  });
});

describe('seeded random', () => {
  const code = "import { fromUtil } from './util';\nexport default [fromUtil, Math.random(), Math.random()];";
  const files = { 'main.ts': code, 'util.ts': 'export const fromUtil = Math.random();' };
  it('[T-RAND1] the same seed gives the same numbers; different seeds differ', async () => {
    const a = await engine.run(request('', { files, settings: { seed: 'alpha' } }));
    const b = await engine.run(request('', { files, settings: { seed: 'alpha' } }));
    const c = await engine.run(request('', { files, settings: { seed: 'beta' } }));
    expect(a.result).toEqual(b.result);
    expect(c.result).not.toEqual(a.result);
    const nums = (a.result as { items: number[] }).items;
    expect(nums.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('[T-RAND1] all modules of a run draw from one stream', async () => {
    const a = await engine.run(request('', { files, settings: { seed: 'alpha' } }));
    const nums = (a.result as { items: number[] }).items;
    expect(new Set(nums).size).toBe(3);
  });
});
