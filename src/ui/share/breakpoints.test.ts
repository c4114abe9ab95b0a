import { describe, expect, it } from 'vitest';
import type { PlaygroundDoc } from '../state/doc';
import { decodeLink, encodeLink, packLink } from './codec';
import { toCompact } from './compact';
import { parseFile, toFile } from './file';
import { bfsDoc } from './fixtures';

const withBreakpoints: PlaygroundDoc = {
  ...bfsDoc,
  breakpoints: [
    { file: 'main.ts', line: 8 },
    { file: 'main.ts', line: 13, condition: 'dist.get(node) > 1' },
  ],
};
const expectedGraph = { ...bfsDoc.graph, options: { type: 'undirected' } };

/** A link whose compact JSON is `compact` with `b` replaced: every layer but validation passes. */
const linkWith = (b: unknown): string =>
  packLink(new TextEncoder().encode(JSON.stringify({ ...toCompact(bfsDoc), b })), 2);

const refusal = (fragment: string): string => {
  const r = decodeLink(fragment);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
};

describe('[share] breakpoints in links and files', () => {
  it('a link carries breakpoints and conditions (format 2); one without any is still format 1', () => {
    const link = encodeLink(withBreakpoints);
    expect(link.startsWith('s2.')).toBe(true);
    expect(encodeLink(bfsDoc).startsWith('s1.')).toBe(true);
    const r = decodeLink(link);
    expect(r.ok && r.value).toEqual({ ...withBreakpoints, graph: expectedGraph });
  });

  it('an exported file carries them too (format 2), and reads back', () => {
    const text = toFile(withBreakpoints);
    expect(JSON.parse(text).stepgraph).toBe(2);
    expect(JSON.parse(toFile(bfsDoc)).stepgraph).toBe(1);
    const r = parseFile(text);
    expect(r.ok && r.value.breakpoints).toEqual(withBreakpoints.breakpoints);
    const v1 = JSON.stringify({ ...JSON.parse(text), stepgraph: 1 });
    expect(parseFile(v1).ok).toBe(false);
  });

  it('malformed breakpoints in a link give a clear refusal naming the field, never a throw', () => {
    const long = 'x'.repeat(501);
    const cases: Array<[unknown, string]> = [
      ['main.ts:8', 'b must be a list'],
      [[['main.ts']], 'b[0] must be a file, a line and maybe a condition'],
      [[['main.ts', 8, 'n > 1', 'extra']], 'b[0] must be a list of at most 3 items'],
      [[['nope.ts', 8]], 'breakpoints[0].file must be the name of one of the files'],
      [[['__proto__', 8]], 'breakpoints[0].file must be the name of one of the files'],
      [[['main.ts', 0]], 'breakpoints[0].line must be a whole number from 1'],
      [[['main.ts', 1e9]], 'breakpoints[0].line must be a whole number from 1'],
      [[['main.ts', 2.5]], 'breakpoints[0].line must be a whole number'],
      [[['main.ts', '8']], 'breakpoints[0].line must be a whole number'],
      [
        [
          ['main.ts', 8],
          ['main.ts', 8],
        ],
        'breakpoints[1].line must be a line with no other breakpoint',
      ],
      [[['main.ts', 8, long]], 'breakpoints[0].condition must be a string of 1 to 500 characters'],
      [[['main.ts', 8, { toString: 1 }]], 'breakpoints[0].condition must be a string'],
      [[['main.ts', 8, '']], 'breakpoints[0].condition must be a string of 1 to 500'],
      [Array.from({ length: 201 }, (_, i) => ['main.ts', i + 1]), 'b must be a list of at most 200 items'],
      [[[[[[['main.ts']]]]]], 'b[0] must be'],
    ];
    for (const [b, message] of cases) {
      const r = refusal(linkWith(b));
      expect(r, JSON.stringify(b).slice(0, 80)).toMatch(/^SHARE_BAD_SHAPE /);
      expect(r).toContain(message);
    }
  });

  it('a format-1 link may not carry breakpoints; a hostile condition is kept as text, never run', () => {
    const v1 = packLink(new TextEncoder().encode(JSON.stringify({ ...toCompact(bfsDoc), b: [['main.ts', 8]] })), 1);
    expect(refusal(v1)).toMatch(/^SHARE_BAD_SHAPE .*b must be absent/);
    const hostile = "constructor.constructor('globalThis.pwned = 1')()";
    const r = decodeLink(linkWith([['main.ts', 8, hostile]]));
    expect(r.ok && r.value.breakpoints).toEqual([{ file: 'main.ts', line: 8, condition: hostile }]);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });
});
