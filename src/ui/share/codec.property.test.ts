import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, LINK_PREFIX } from './codec';
import type { ShareErrorCode } from './errors';
import { bfsDoc, dijkstraDoc } from './fixtures';
import { validateDoc } from './validate';

const CODES: readonly ShareErrorCode[] = [
  'SHARE_NOT_A_LINK',
  'SHARE_NEWER_VERSION',
  'SHARE_TOO_LONG',
  'SHARE_BAD_ENCODING',
  'SHARE_CORRUPT',
  'SHARE_TOO_LARGE',
  'SHARE_BAD_JSON',
  'SHARE_BAD_SHAPE',
];
/** Each answer must come within this; decoding is linear in a capped input, so it takes ~1 ms. */
const BOUND_MS = 250;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const links = [encodeLink(bfsDoc), encodeLink(dijkstraDoc)];

/** Decodes and checks the contract: no throw, within the bound, a valid doc or a coded sentence. */
function check(fragment: string): void {
  const start = performance.now();
  let r: ReturnType<typeof decodeLink>;
  try {
    r = decodeLink(fragment);
  } catch (e) {
    throw new Error(`decodeLink threw on ${JSON.stringify(fragment.slice(0, 80))}: ${String(e)}`, { cause: e });
  }
  expect(performance.now() - start).toBeLessThan(BOUND_MS);
  if (r.ok) expect(validateDoc(r.value).ok).toBe(true);
  else {
    expect(CODES).toContain(r.error.code);
    expect(r.error.message).toMatch(/^share\/\w+: [A-Z].{20,}[.]$/);
  }
}

const link = fc.constantFrom(...links);
const b64char = fc.constantFrom(...B64);
const anyChar = fc.oneof(b64char, fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));

/** A mutation of a good link: replace, insert, delete or swap characters, a few times. */
const mutated = fc
  .tuple(
    link,
    fc.array(fc.tuple(fc.constantFrom('replace', 'insert', 'delete', 'swap'), fc.nat(), anyChar), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([l, edits]) =>
    edits.reduce((s, [op, at, c]) => {
      const i = LINK_PREFIX.length + (at % Math.max(1, s.length - LINK_PREFIX.length));
      if (op === 'replace') return s.slice(0, i) + c + s.slice(i + 1);
      if (op === 'insert') return s.slice(0, i) + c + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2);
    }, l),
  );

describe('[share] the decoder under 10,000+ random, truncated and mutated links', () => {
  it('random text: no throw, bounded, a coded sentence', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), check), { numRuns: 3000 });
  });

  it('random base64url after a version prefix', () => {
    const prefix = fc.constantFrom('s1.', 's1.', 's2.', 's0.', 's01.', 's999999999.', 'S1.', '#s1.');
    fc.assert(
      fc.property(prefix, fc.array(b64char, { maxLength: 600 }), (p, body) => check(p + body.join(''))),
      { numRuns: 3000 },
    );
  });

  it('truncated links', () => {
    fc.assert(
      fc.property(link, fc.nat(), (l, n) => check(l.slice(0, n % l.length))),
      { numRuns: 2000 },
    );
  });

  it('mutated links', () => {
    fc.assert(fc.property(mutated, check), { numRuns: 3000 });
  });
});
