import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, pageNetwork, type PageFetch } from './pageNetwork';

/** A fake page fetch that records what it was asked and answers `body`. */
function fakeFetch(body: string | Uint8Array<ArrayBuffer> = 'hello') {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const doFetch: PageFetch = (url, init) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'x-a': '1' } }));
  };
  return { calls, doFetch };
}

const codeOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => 'resolved',
    (e: { code?: unknown }) => e.code,
  );

describe('[page network] the page performs only what the person approved', () => {
  it('[C-NET1] a URL not approved is refused with PERMISSION_DENIED and never fetched', async () => {
    const { calls, doFetch } = fakeFetch();
    const net = pageNetwork(['https://api.example.com/v1/...'], doFetch);
    for (const url of [
      'http://127.0.0.1:18555\\@api.example.com',
      'https://api.example.com@127.0.0.1/v1/x',
      'https://api.example.com/v1/%2e%2e/admin',
      'https://api.example.com/v2/x',
      'https://api.example.com./v1/x',
      'data:text/plain,x',
      'not a url',
    ])
      expect(await codeOf(net({ url })), url).toBe('PERMISSION_DENIED');
    expect(await codeOf(pageNetwork([], doFetch)({ url: 'https://api.example.com/v1/x' }))).toBe('PERMISSION_DENIED');
    expect(calls).toEqual([]);
  });

  it('[C-URL5] [C-URL6] fetches the parsed URL without credentials, referrer or redirects', async () => {
    const { calls, doFetch } = fakeFetch();
    const net = pageNetwork(['https://api.example.com/v1/...'], doFetch);
    const r = await net({ url: 'HTTPS://API.example.com:443/v1/x', method: 'post', headers: { a: 'b' }, body: '{}' });
    expect(r).toEqual({
      url: 'https://api.example.com/v1/x',
      status: 200,
      statusText: '',
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-a': '1' },
      body: 'hello',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://api.example.com/v1/x');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      body: '{}',
    });
  });

  it('bounds the answer; a failed fetch and an odd request have codes of their own', async () => {
    const big = pageNetwork(['https://a.com'], fakeFetch(new Uint8Array(MAX_RESPONSE_BYTES + 1)).doFetch);
    expect(await codeOf(big({ url: 'https://a.com/x' }))).toBe('NET_TOO_LARGE');
    const failing = pageNetwork(['https://a.com'], () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await codeOf(failing({ url: 'https://a.com/x' }))).toBe('NET_FAILED');
    const { calls, doFetch } = fakeFetch();
    const odd = pageNetwork(['https://a.com'], doFetch);
    expect(await codeOf(odd({ url: 'https://a.com/x', method: 'CONNECT' }))).toBe('NET_BAD_REQUEST');
    expect(await codeOf(odd({ url: 'https://a.com/x', method: 'GET', body: 'x' }))).toBe('NET_BAD_REQUEST');
    expect(calls).toEqual([]);
  });
});
