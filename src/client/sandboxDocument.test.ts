import { describe, expect, it } from 'vitest';
import { sandboxDocument, sandboxPolicy } from './sandboxDocument';

/** The policy's directives, by name. */
const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('sandboxDocument', () => {
  it('allows no network: every fetch directive is none, scripts only from the nonce, blob: and eval', () => {
    const d = directives(sandboxPolicy('n0nce'));
    expect(d.get('default-src')).toEqual(["'none'"]);
    for (const k of [
      'connect-src',
      'img-src',
      'font-src',
      'media-src',
      'frame-src',
      'object-src',
      'base-uri',
      'form-action',
    ])
      expect(d.get(k)).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'nonce-n0nce'", 'blob:', "'unsafe-eval'"]);
    expect(d.get('worker-src')).toEqual(['blob:']);
    expect([...d.keys()].some((k) => k.startsWith('style') || k.startsWith('manifest'))).toBe(false);
  });

  it('names the dev server as a script source only when given one', () => {
    expect(directives(sandboxPolicy('n', ['http://127.0.0.1:5173'])).get('script-src')).toContain(
      'http://127.0.0.1:5173',
    );
    expect(sandboxPolicy('n')).not.toMatch(/https?:|'self'|\*/);
  });

  it('puts the policy before the one script, which carries the nonce', () => {
    const html = sandboxDocument('abc');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc">');
  });
});
