import { it } from 'vitest';
import { nodeEngine, request } from './engine';
import { TraceReader } from '../src/tracer/reader';
const cases: Record<string, string> = {
  closure: `function counter(){ let c = 0; return () => ++c; } const f = counter(); f(); f(); export default f();`,
  gen: `function* g(){ let i = 0; while (i < 3) { yield i; i++; } } export default [...g()];`,
  asyncSleep: `async function f(x){ await sleep(5); return x * 2; } const a = await f(3); export default a + await f(1);`,
  getter: `class P { constructor(x){ this.x = x; } get double(){ return this.x * 2; } } const p = new P(4); export default p.double;`,
  destr: `const { a, b: [c, d = 5], ...rest } = { a: 1, b: [2], e: 3 }; let x, y; [x, y] = [y = 7, 9]; export default [a, c, d, rest.e, x, y];`,
  labels: `let s = 0; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; s += 10 * i + j; } } export default s;`,
  tryfinally: `const log = []; function f(){ try { log.push('t'); return 1; } finally { log.push('f'); } } const r = f(); export default [r, log.join('')];`,
  throwFrames: `function a(){ b(); } function b(){ throw new Error('boom'); } let m; try { a(); } catch (e) { m = e.message; } export default m;`,
  forin: `const o = { x: 1, y: 2 }; const ks = []; for (const k in o) ks.push(k); export default ks.join(',');`,
  sw: `function f(v){ let r = ''; switch (v) { case 1: r += 'a'; case 2: r += 'b'; break; default: r += 'd'; } return r; } export default [f(1), f(2), f(3)].join('|');`,
  dowhile: `let i = 0; do { i++; } while (i < 5); export default i;`,
  ts: `interface P { x: number } enum C { R, G = 5 } type T = string; function id<T>(v: T): T { return v; } const p = { x: 1 } as P; export default id<number>(p.x) + C.G;`,
  forinit: `let out = []; for (let i = 0, j = 10; i < j; i += 3, j--) out.push(i + ':' + j); export default out.join(' ');`,
  expressionArrowSideEffect: `const seen = new Set(); [1,2].forEach(x => seen.add(x)); export default seen.size;`,
  seqDecl: `let a = 1, b = a + 1; export default b;`,
  ifElse: `let r; if (1 > 2) r = 'x'; else if (2 > 1) r = 'y'; else r = 'z'; export default r;`,
  classFields: `class A { static n = 3; #p = 2; m(){ return this.#p * A.n; } } export default new A().m();`,
  asyncGen: `async function* g(){ yield 1; await sleep(1); yield 2; } const xs = []; for await (const x of g()) xs.push(x); export default xs;`,
  arguments: `function f(){ return arguments.length; } export default f(1,2,3);`,
  thisMethod: `const o = { v: 3, get(){ return this.v; } }; export default o.get();`,
  catchDestr: `let m; try { throw { code: 7 }; } catch ({ code }) { m = code; } export default m;`,
  optionalCatch: `let m = 0; try { null.x; } catch { m = 1; } export default m;`,
  whileNoBody: `let i = 0; while (i++ < 5); export default i;`,
  shadow: `let x = 1; { let x = 2; x++; } export default x;`,
  ifSingle: `let x = 0; if (true) x = 5; export default x;`,
  exprArrowParam: `const f = (n) => n + 1; export default f(1);`,
  labeledBlock: `let r = 0; blk: { r = 1; break blk; r = 2; } export default r;`,
  hoist: `export default f(); function f(){ return 42; }`,
  defaultFn: `export default function(input){ return input ?? 'none'; }`,
  tdz: `let r; try { x; } catch (e) { r = e.name; } let x = 1; export default r;`,
  newTarget: `function F(){ return new.target === F; } export default new F() instanceof F;`,
  superCall: `class A { constructor(x){ this.x = x; } } class B extends A { constructor(){ const t = 1; super(t + 1); this.y = 3; } } const b = new B(); export default b.x + b.y;`,
  asyncArrowThrow: `const f = async () => { await sleep(1); throw new Error('e'); }; let r; try { await f(); } catch (e) { r = e.message; } export default r;`,
  genReturn: `function* g(){ try { yield 1; yield 2; } finally { done = true; } } let done = false; for (const x of g()) break; export default done;`,
  forOfDestr: `const m = new Map([['a', 1], ['b', 2]]); let s = ''; for (const [k, v] of m) s += k + v; export default s;`,
  varHoistLoop: `var fs = []; for (var i = 0; i < 3; i++) fs.push(() => i); export default fs.map(f => f()).join('');`,
  letLoopClosure: `const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); export default fs.map(f => f()).join('');`,
  compoundMember: `const o = { a: { b: 1 } }; o.a.b += 2; export default o.a.b;`,
  strictThis: `function f(){ return this; } export default f() === undefined;`,
};
it('explore', async () => {
  const e = nodeEngine();
  for (const [name, code] of Object.entries(cases)) {
    const r = await e.run(request(code, name === 'ts' ? {} : { files: { 'main.js': code }, main: 'main.js' }));
    console.log(name.padEnd(28), r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error));
  }
  await e.shutdown();
});
