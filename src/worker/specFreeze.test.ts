import { describe, expect, it } from 'vitest';
import { specFreeze } from './specFreeze';

// the tests run in a realm locked down as the workers are (test/setup.ts imports worker/lockdown.ts)
describe('the freeze SES hardens with', () => {
  it('makes the same frozen object as Object.freeze: data read-only, accessors kept, nothing added', () => {
    let hidden = 1;
    const o = {
      a: 1,
      [Symbol('s')]: 2,
      get b() {
        return hidden;
      },
      set b(v: number) {
        hidden = v;
      },
    };
    const arr = [1, 2, 3];
    expect(specFreeze(o)).toBe(o);
    specFreeze(arr);
    for (const x of [o, arr]) expect(Object.isFrozen(x)).toBe(true);
    expect(() => ((o as { a: number }).a = 5)).toThrow(TypeError);
    expect(() => ((o as Record<string, unknown>).c = 5)).toThrow(TypeError);
    expect(() => arr.push(4)).toThrow(TypeError);
    expect(() => (arr[0] = 9)).toThrow(TypeError);
    o.b = 7; // an accessor keeps working, as with the built-in freeze
    expect(o.b).toBe(7);
    expect(specFreeze(3)).toBe(3);
  });

  it('throws where Object.freeze throws: a typed array with elements, a Proxy that refuses', () => {
    expect(() => specFreeze(new Uint8Array(2))).toThrow(TypeError);
    expect(() => Object.freeze(new Uint8Array(2))).toThrow(TypeError);
    const refusing = new Proxy({}, { preventExtensions: () => false });
    expect(() => specFreeze(refusing)).toThrow(TypeError);
    expect(() => Object.freeze(refusing)).toThrow(TypeError);
  });

  it('after lockdown, the intrinsics are frozen and everyone else has the built-in freeze back', () => {
    const typedArray = Object.getPrototypeOf(Uint8Array.prototype) as object;
    for (const x of [Object.prototype, Array.prototype, typedArray, Uint32Array.prototype, Map.prototype, JSON])
      expect(Object.isFrozen(x)).toBe(true);
    expect(Object.freeze).not.toBe(specFreeze);
    expect(Object.freeze.toString()).toContain('[native code]');
  });
});
