import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine, nodeEngine } from '../../test/engine';
import type { RunResponse } from '../protocol/run';

const traced = nodeEngine();
const native = nativeEngine();
afterAll(() => Promise.all([traced.shutdown(), native.shutdown()]));

const request = (files: Record<string, string>, main = Object.keys(files)[0] as string) => ({
  files,
  main,
  graph: { nodes: [], edges: [] },
});
const outcome = (r: RunResponse): unknown => (r.ok ? r.result : { code: r.error?.code, message: r.error?.message });
async function both(files: Record<string, string>): Promise<unknown> {
  const [n, t] = await Promise.all([native.run(request(files)), traced.run(request(files))]);
  expect(outcome(t)).toEqual(outcome(n));
  return outcome(t);
}

describe('function source text', () => {
  it('[T-SRC1] toString of every kind of function and class the user wrote is its text as written', async () => {
    const pieces = [
      '() => {}',
      '(a = () => 1) => /* kept */ a',
      'function named(x) {\n  // a comment\n  return x + 1;\n}',
      'async function* ag() { yield 1; }',
      'class K extends Object { static  s() {} get g() { return 1; } #p() {} static {} }',
    ];
    const code = `const fns = [${pieces.join(',\n')}];
const K = fns[4];
const more = [K.s, Object.getOwnPropertyDescriptor(K.prototype, 'g').get, ({ m() { return 'm'; } }).m];
export default [...fns, ...more].map((f) => String(f));`;
    const result = (await both({ 'main.js': code })) as { items: unknown[] };
    expect(result.items).toEqual([...pieces, 's() {}', 'get g() { return 1; }', "m() { return 'm'; }"]);
  });

  it('[T-SRC1] a TypeScript function keeps its types in its text; an object keyed by a function text works traced', async () => {
    const files = {
      'main.ts': `const f = (x: number): number => x * 2;
const byText: Record<string, number> = {};
byText[String(f)] = 1;
export default [String(f), byText['(x: number): number => x * 2']];`,
    };
    const [t] = await Promise.all([traced.run(request(files))]);
    expect(t.result).toEqual({ $: 'array', items: ['(x: number): number => x * 2', 1], size: 2 });
  });

  it('[T-SRC1] hostile: marks written in strings never give another function’s or another file’s text', async () => {
    // another playground compiled first: its functions' marks are the ones a forger would guess
    const secret = await traced.run(
      request({ 'main.js': 'function secret() { return "hunter2"; }\nexport default 1;' }),
    );
    expect(secret.ok).toBe(true);
    const guesses = Array.from({ length: 40 }, (_, i) => Array.from({ length: 3 }, (_, j) => `/*sg:${i}.${j}*/`))
      .flat()
      .join('');
    const code = `function f(a = "${guesses}") { return \`${guesses}\`; }
const g = () => "/*sg:0.0*/";
export default [String(f).includes('hunter2'), String(f).startsWith('function f(a = '), String(g)];`;
    const r = await traced.run(request({ 'main.js': code }));
    expect(r.result).toEqual({ $: 'array', items: [false, true, '() => "/*sg:0.0*/"'], size: 3 });
  });

  it('[T-SRC1] hostile: the replaced toString is out of reach: scripts see the intrinsic, frozen, with no source of ours', async () => {
    const code = `const ts = Function.prototype.toString;
let threw = false;
try { Function.prototype.toString = () => 'mine'; } catch { threw = true; }
export default [threw, Object.isFrozen(Function.prototype), ts.call(ts).includes('originalText'), ts.call(ts).includes('sg:')];`;
    expect(await both({ 'main.js': code })).toEqual({ $: 'array', items: [true, true, false, false], size: 4 });
  });
});
