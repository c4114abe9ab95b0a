import { afterAll, describe, expect, it } from 'vitest';
import { nativeEngine, nodeEngine } from '../../test/engine';
import { isMap, isSet, noteProxy } from './intrinsics';
import type { RunResponse } from '../protocol/run';

const traced = nodeEngine();
const native = nativeEngine();
afterAll(() => Promise.all([traced.shutdown(), native.shutdown()]));

const request = (code: string) => ({ files: { 'main.js': code }, main: 'main.js', graph: { nodes: [], edges: [] } });
const outcome = (r: RunResponse): unknown => (r.ok ? r.result : { code: r.error?.code, message: r.error?.message });
async function both(code: string): Promise<unknown> {
  const [n, t] = await Promise.all([native.run(request(code)), traced.run(request(code))]);
  expect(outcome(t)).toEqual(outcome(n));
  return outcome(t);
}

describe('the engine reads values through intrinsics a script cannot change', () => {
  it('[T-INT1] a Map or Set subclass with its own size getter and iterator is recorded without calling them', async () => {
    const code = `const calls = [];
class M extends Map { get size() { calls.push('size'); throw new Error('size'); } *[Symbol.iterator]() { calls.push('iter'); throw new Error('iter'); } entries() { calls.push('entries'); return [][Symbol.iterator](); } }
class S extends Set { get size() { calls.push('ssize'); return -1; } *values() { calls.push('values'); } }
const m = new M([[1, 2]]);
m.set(3, 4);
const s = new S([1]);
s.add(2);
const both = [m, s];
console.log(m, s);
export default calls.join(',');`;
    expect(await both(code)).toBe('');
  });

  it('[T-INT1] class names and tags are read as data: a static name getter, a constructor getter, a toStringTag getter never run', async () => {
    const code = `const calls = [];
class A { static get name() { calls.push('name'); return 'A'; } }
const a = new A();
const b = Object.create({ get constructor() { calls.push('constructor'); return A; } });
const c = { get [Symbol.toStringTag]() { calls.push('tag'); return 'C'; } };
const B = class { static get name() { calls.push('B.name'); return 'B'; } };
const all = [a, b, c, B];
console.log(all);
export default calls.join(',');`;
    expect(await both(code)).toBe('');
  });

  it('[T-INT1] replacing a shared intrinsic (Array.prototype[Symbol.iterator]) fails in the script alike untraced and traced; the next run is unaffected', async () => {
    const code = `let error = 'none';
try { Array.prototype[Symbol.iterator] = function* () { yield 'mine'; }; } catch (e) { error = e.constructor.name; }
const list = [1, 2];
export default [error, [...list].join()];`;
    expect(await both(code)).toEqual({ $: 'array', items: ['TypeError', '1,2'], size: 2 });
    const next = await traced.run(request('const m = new Map([[1, [2, 3]]]);\nexport default [...m.get(1)].length;'));
    expect(next.result).toBe(2);
  });

  it('[T-INT1] a proxy a script makes is recorded and printed without running its traps', async () => {
    const code = `const log = [];
const handler = {};
for (const trap of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf']) handler[trap] = (...a) => { log.push(trap); return Reflect[trap](...a); };
const p = new Proxy([1, 2], handler);
const q = Proxy.revocable({ a: 1 }, handler).proxy;
const held = [p, q];
console.log(p, q, held);
export default log.join(',');`;
    expect(await both(code)).toBe('');
  });

  it('[T-INT1] hostile: the Proxy scripts get behaves as the intrinsic and gives no way to the real one or its registry', async () => {
    const code = `const facts = [];
facts.push(Object.isFrozen(Proxy), Proxy.name, Proxy.length, Proxy.prototype === undefined, Object.hasOwn(Proxy, 'prototype'));
try { Proxy({}, {}); facts.push('called'); } catch (e) { facts.push(e instanceof TypeError); }
try { class X extends Proxy {} facts.push('extended'); } catch (e) { facts.push(e instanceof TypeError); }
try { Proxy.revocable = () => 1; facts.push('replaced'); } catch (e) { facts.push(e instanceof TypeError); }
const r = Proxy.revocable({}, {});
r.revoke();
try { r.proxy.x; facts.push('live'); } catch (e) { facts.push(e instanceof TypeError); }
facts.push(new Proxy({ a: 1 }, {}).a, Object.getPrototypeOf(Proxy) === Function.prototype);
export default facts.join();`;
    expect(await both(code)).toBe('true,Proxy,2,true,false,true,true,true,true,1,true');
  });

  it('[T-INT1] a Map or Set is one with its slots and its prototype: plain objects, arrays, look-alikes and proxies are not', () => {
    class M extends Map<unknown, unknown> {}
    expect([new Map(), new M()].map(isMap)).toEqual([true, true]);
    expect([new Set(), new Map()].map(isSet)).toEqual([true, false]);
    const lookAlike = Object.create(Map.prototype) as object;
    const swapped = Object.setPrototypeOf(new Map([[1, 2]]), Object.prototype) as object;
    expect([{}, [], lookAlike, swapped, Object.create(null) as object].map(isMap)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    // a proxy a script made is never walked: its getPrototypeOf trap would be the script's code
    let trapped = 0;
    const proxy = new Proxy(new Map(), { getPrototypeOf: () => (trapped++, Map.prototype) });
    noteProxy(proxy);
    const behind = Object.create(proxy) as object;
    expect([isMap(proxy), isMap(behind), isSet(behind)]).toEqual([false, false, false]);
    expect(trapped).toBe(0);
  });
});
