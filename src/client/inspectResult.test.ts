import { describe, expect, it } from 'vitest';
import { CALL_RESULTS } from './validateMessage';

describe('[C-NET3] the page checks what the sandbox says a playground asks for', () => {
  it('accepts a list of URL patterns and nothing else', () => {
    expect(CALL_RESULTS.inspect({ network: [] })).toBe(true);
    expect(CALL_RESULTS.inspect({ network: ['https://a.com/...'] })).toBe(true);
    for (const bad of [
      null,
      'https://a.com',
      { network: 'https://a.com' },
      { network: [42] },
      { network: ['https://a.com'], grants: ['https://a.com'] },
      { network: Array.from({ length: 101 }, (_, i) => `https://a${i}.com`) },
      { network: ['https://a.com/' + 'x'.repeat(9000)] },
    ])
      expect(CALL_RESULTS.inspect(bad), JSON.stringify(bad)?.slice(0, 80)).toBe(false);
  });
});
