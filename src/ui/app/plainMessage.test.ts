import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainMessage } from './plainMessage';

describe('plainMessage', () => {
  it('drops the engine’s layer/function prefixes', () => {
    expect(plainMessage('executor/prep: Unexpected token (3:4)')).toBe('Unexpected token (3:4)');
    expect(plainMessage('executor/spawn: runtime/Context: the child asks for more')).toBe('the child asks for more');
  });

  it('keeps a message without a prefix, and text that only looks like one further in', () => {
    expect(plainMessage('graph has no node "a/b: c"')).toBe('graph has no node "a/b: c"');
    expect(plainMessage('https://x: refused')).toBe('https://x: refused');
  });

  it('only ever removes a prefix: the rest of the message is kept (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string(), (m) => {
        const out = plainMessage(m);
        expect(m.endsWith(out)).toBe(true);
        expect(plainMessage(out)).toBe(out);
      }),
    );
  });
});
