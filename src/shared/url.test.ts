import { afterEach, describe, expect, it } from 'vitest';
import { parseUrl } from './url';

describe('parseUrl', () => {
  const saved = Object.getOwnPropertyDescriptor(URL.prototype, 'host');
  afterEach(() => {
    if (saved) Object.defineProperty(URL.prototype, 'host', saved);
  });

  it('[C-URL1] copies the parsed parts out of the host parser; non-URLs give undefined', () => {
    expect(parseUrl('HTTPS://a.com:443/x/../y?q#f')).toMatchObject({
      href: 'https://a.com/y?q#f',
      host: 'a.com',
      pathname: '/y',
      search: '?q',
      hash: '#f',
    });
    expect(parseUrl('not a url')).toBeUndefined();
    expect(parseUrl(42 as unknown as string)).toBeUndefined();
  });

  it('[C-URL1] a getter replaced after load does not change what is read', () => {
    Object.defineProperty(URL.prototype, 'host', { get: () => 'api.example.com', configurable: true });
    expect(new URL('http://127.0.0.1/').host).toBe('api.example.com');
    expect(parseUrl('http://127.0.0.1/')?.host).toBe('127.0.0.1');
    expect(Object.isFrozen(parseUrl('http://127.0.0.1/'))).toBe(true);
  });
});
