import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanManifest } from './manifestScan';

const names = (text: string): string[] => scanManifest(text).keys.map((k) => `${k.section}:${k.name}`);

describe('scanManifest', () => {
  it('finds the keys of limits and permissions, quoted or not, with their places', () => {
    const text = [
      'export const manifest = {',
      "  permissions: { read: ['graph', 'https://x/...'], use: ['./...'] },",
      '  limits: { \'execution/steps\': 10, "net/requests": 2 },',
      '};',
    ].join('\n');
    expect(names(text)).toEqual([
      'permissions:read',
      'permissions:use',
      'limits:execution/steps',
      'limits:net/requests',
    ]);
    const steps = scanManifest(text).keys[2];
    expect(text.slice(steps?.start, steps?.end)).toBe("'execution/steps'");
  });

  it('ignores comments, strings that look like keys, nested objects and code outside the manifest', () => {
    const text = [
      "const limits = { 'not/this': 1 };",
      'export const manifest = {',
      "  // limits: { 'commented': 1 }",
      "  note: 'limits: { x: 1 }',",
      "  limits: { /* 'no': 1, */ 'execution/steps': { nested: 1 } },",
      '};',
      "const after = { limits: { 'nor/this': 2 } };",
    ].join('\n');
    expect(names(text)).toEqual(['limits:execution/steps']);
  });

  it('finds nothing without a manifest', () => {
    expect(scanManifest("const limits = { 'a': 1 };").keys).toEqual([]);
  });

  it('says where a key is being typed, so completions can offer the names', () => {
    const head = "export const manifest = {\n  limits: { 'execution/steps': 5, '";
    expect(scanManifest(head).slot).toEqual({ section: 'limits', from: head.length, quoted: true });
    expect(scanManifest(head + 'net/').slot).toEqual({ section: 'limits', from: head.length, quoted: true });
    expect(scanManifest('export const manifest = { permissions: {').slot).toMatchObject({
      section: 'permissions',
      quoted: false,
    });
    // a value, not a key
    expect(scanManifest("export const manifest = { limits: { 'execution/steps': ").slot).toBeUndefined();
    // inside a permission's list of patterns
    expect(scanManifest("export const manifest = { permissions: { read: ['").slot).toBeUndefined();
  });

  it('never throws and keeps every key inside the text, whatever the text (fuzzed)', () => {
    const piece = fc.constantFrom(
      'export const manifest = {',
      'limits',
      'permissions',
      ':',
      '{',
      '}',
      '[',
      ']',
      ',',
      "'",
      '"',
      '`',
      '//',
      '/*',
      '*/',
      '\n',
      'execution/steps',
      ' ',
      '5',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const scan = scanManifest(text);
        for (const k of scan.keys) {
          expect(k.start).toBeGreaterThanOrEqual(0);
          expect(k.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(k.start, k.end)).toContain(k.name);
        }
        if (scan.slot) expect(scan.slot.from).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});
