import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine, nodeEngine } from '../../test/engine';
import type { RunResponse } from '../protocol/run';
import { compileFile } from './instrument';
import { Tables } from './tables';

const traced = nodeEngine();
const native = nativeEngine();
afterAll(() => Promise.all([traced.shutdown(), native.shutdown()]));

const request = (code: string, file = 'main.js') => ({
  files: { [file]: code },
  main: file,
  graph: { nodes: [], edges: [] },
});
const outcome = (r: RunResponse): unknown => (r.ok ? r.result : { code: r.error?.code, message: r.error?.message });
/** The script's result traced, after checking it equals its result untraced in the same compartment. */
async function both(code: string): Promise<unknown> {
  const [n, t] = await Promise.all([native.run(request(code)), traced.run(request(code))]);
  expect(outcome(t)).toEqual(outcome(n));
  return outcome(t);
}
const arr = (...items: unknown[]) => ({ $: 'array', items, size: items.length });

describe('syntax the instrumenter meets', () => {
  it('[T-SYN1] private fields as destructuring targets (object, array, nested, defaults, rest) beside tracked members', async () => {
    const code = `class P {
  #a; #b; #c;
  set(o, list) {
    const box = [];
    ({ a: this.#a, b: [this.#b, box[0] = 9] = [] } = o);
    [this.#c, ...box[1]] = list;
    return [this.#a, this.#b, this.#c, box[0], box[1].length];
  }
}
export default new P().set({ a: 1, b: [2] }, [3, 4, 5]);`;
    expect(await both(code)).toEqual(arr(1, 2, 3, 9, 2));
  });

  it('[T-SYN1] `#x in o`, optional chains on private names, private methods and accessors, static blocks', async () => {
    const code = `class C {
  #x = 1;
  static #count = 0;
  static seen;
  static { C.seen = C.#count + 40; }
  get #double() { return this.#x * 2; }
  set #double(v) { this.#x = v / 2; }
  #m() { return this.#double; }
  static has(o) { return #x in o; }
  static peek(o) { return o?.#x; }
  static call(o) { return o?.#m(); }
  bump() { this.#double = 10; this.#x++; return this.#x; }
}
const c = new C();
export default [C.has(c), C.has({}), C.peek(c), C.peek(undefined), C.call(c), c.bump(), C.seen];`;
    expect(await both(code)).toEqual(arr(true, false, 1, { $: 'undefined' }, 2, 6, 40));
  });

  it('[T-SYN1] accessors, static and instance, on objects and classes; `super` members as targets', async () => {
    const code = `let log = [];
const o = { v: 1, get twice() { log.push('get'); return this.v * 2; }, set twice(x) { log.push('set'); this.v = x / 2; } };
o.twice = 8;
class Base { static get kind() { return 'base'; } set m(v) { this._m = v; } }
class Sub extends Base { static get kind() { return super.kind + '+sub'; } put(v) { [super.m] = [v]; return this._m; } }
export default [o.twice, log.join(','), Sub.kind, new Sub().put(7)];`;
    expect(await both(code)).toEqual(arr(8, 'set,get', 'base+sub', 7));
  });

  it('[T-SYN1] labelled continue and break in every loop kind', async () => {
    const code = `const out = [];
a: for (let i = 0; i < 3; i++) { for (;;) { if (i === 1) continue a; out.push('f' + i); break a; } }
b: for (const k in { x: 1, y: 2 }) { while (true) { if (k === 'x') continue b; out.push(k); break b; } }
c: for (const v of [1, 2, 3]) { do { if (v < 3) continue c; out.push('o' + v); } while (false); }
let n = 0;
d: while (n < 5) { n++; e: do { if (n % 2) continue d; break e; } while (true); out.push('w' + n); }
f: for await (const v of [Promise.resolve(1), 2]) { g: { if (v === 1) break g; out.push('a' + v); break f; } }
export default out.join(' ');`;
    expect(await both(code)).toBe('f0 y o3 w2 w4 a2');
  });

  it('[T-SYN1] generators and async generators: yield*, return(), throw(), for await', async () => {
    const code = `function* inner() { try { yield 1; yield 2; } finally { log.push('inner done'); } }
function* outer() { const r = yield* inner(); yield 3; return r; }
const log = [];
const g = outer();
const firsts = [g.next().value, g.return(9).value, g.next().done];
async function* ticks(n) { for (let i = 0; i < n; i++) { await null; yield i; } }
let sum = 0;
for await (const t of ticks(4)) sum += t;
const h = (function* () { try { yield 1; } catch (e) { yield 'caught ' + e; } })();
h.next();
export default [...firsts, log.join(), sum, h.throw('x').value];`;
    expect(await both(code)).toEqual(arr(1, 9, true, 'inner done', 6, 'caught x'));
  });

  it('[T-SYN1] a member target of a destructuring is put where JavaScript puts it: a throwing setter closes the iterator with its own error', async () => {
    const code = `function MyError() {}
const log = [];
const target = { set a(v) { log.push('set ' + v); throw new MyError(); } };
const iterator = { [Symbol.iterator]() { return this; }, next() { log.push('next'); return { done: false, value: 1 }; }, return: 0 };
let caught;
try { [target.a, log[9]] = iterator; } catch (e) { caught = e instanceof MyError; }
const arr = [1, 2];
[arr[1], arr[0]] = [arr[0], arr[1]];
export default [caught, log.join(','), arr.join()];`;
    expect(await both(code)).toEqual(arr(true, 'next,set 1', '2,1'));
  });

  it('[T-SYN1] await of an expression holding a function, in a finally block, is instrumented once', async () => {
    const code = `const f = async function () {
  try { return 'early'; } finally { return await new Promise(function (resolve) { resolve('override'); }); }
};
export default await f();`;
    expect(await both(code)).toBe('override');
  });

  it('[T-SYN1] recording never calls a getter: a getter runs exactly as often as untraced', async () => {
    const code = `let calls = 0;
const o = { get x() { calls++; return 1; } };
const p = o;
const list = [o, p];
const m = new Map([[1, o]]);
m.set(2, p);
export default [calls, p.x, calls];`;
    expect(await both(code)).toEqual(arr(0, 1, 1));
  });

  it('[T-SYN2] import.meta is refused before the run with PREP_FORBIDDEN_SYNTAX, its line and column, in JS and TS', async () => {
    for (const [file, code] of [
      ['main.js', 'const f = () => {\n  return import.meta.url;\n};\nexport default f();'],
      ['main.ts', 'const u: string = typeof import.meta;\nexport default u;'],
    ] as const) {
      const r = await traced.run(request(code, file));
      expect(r.error?.code).toBe('PREP_FORBIDDEN_SYNTAX');
      expect(r.error?.message).toContain('import.meta');
      expect([r.error?.line, r.error?.column]).toEqual(file === 'main.js' ? [2, 10] : [1, 26]);
    }
  });

  it('[T-SYN2] an instrumenter failure names the construct, its line and column, with code INTERNAL', async () => {
    const tables = new Tables();
    const name = tables.name.bind(tables);
    // a failure inside the instrumenter while it handles function `g`, as a bug would
    tables.name = (n: string) => {
      if (n === 'g') throw new TypeError('boom');
      return name(n);
    };
    const r = compileFile('main.js', 'const a = 1;\n\nfunction g() {\n  return a;\n}\n', tables);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ internal: true, line: 3, column: 1 });
    expect(r.error.message).toMatch(/instrumenter failed on FunctionDeclaration at line 3, column 1 \(boom\)/);
  });
});
