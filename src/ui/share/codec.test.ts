import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import type { PlaygroundDoc } from '../state/doc';
import { decodeLink, encodeLink, LINK_PREFIX, packLink } from './codec';
import { toBase64url } from './base64url';
import { bfsDoc, dijkstraDoc } from './fixtures';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const codeOf = (fragment: string): string => {
  const r = decodeLink(fragment);
  return r.ok ? 'ok' : r.error.code;
};

describe('share links round-trip', () => {
  it('restores files, graph with positions, settings and seed, layout and step', () => {
    const r = decodeLink(encodeLink(bfsDoc));
    expect(r.ok && r.value).toEqual({ ...bfsDoc, graph: { ...bfsDoc.graph, options: { type: 'undirected' } } });
  });

  it('keeps several files, a non-default main file, a directed graph, attributes, odd keys and lowered limits', () => {
    const doc: PlaygroundDoc = {
      files: {
        'lib/util.ts': 'export const x = 1;\n',
        'run.js': "import { x } from './lib/util';\nconsole.log('ünïcødé ✓', x);\n",
      },
      mainFile: 'run.js',
      graph: {
        options: { type: 'directed', multi: true, allowSelfLoops: false },
        attributes: { name: 'roads' },
        nodes: [{ key: 'a b' }, { key: 'Zürich', attributes: { x: 10.4, y: -3.6, color: 'red' } }],
        edges: [
          { key: 'a b-Zürich', source: 'a b', target: 'Zürich', attributes: { weight: 2.5 } },
          { source: 'a b', target: 'Zürich' },
          { key: 'back', source: 'Zürich', target: 'a b' },
        ],
      },
      settings: { seed: 'seed with spaces', timeLimitMs: 1200, stepLimit: 5000 },
      layout: 'circle',
      step: 0,
    };
    const r = decodeLink(encodeLink(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.files).toEqual(doc.files);
    expect(r.value.mainFile).toBe('run.js');
    expect(r.value.settings).toEqual(doc.settings);
    expect(r.value.layout).toBe('circle');
    expect(r.value.graph.options).toEqual(doc.graph.options);
    expect(r.value.graph.attributes).toEqual({ name: 'roads' });
    // positions are rounded; other attributes stay
    expect(r.value.graph.nodes[1]).toEqual({ key: 'Zürich', attributes: { color: 'red', x: 10, y: -4 } });
    // a keyless edge whose `source-target` key is taken gets a unique one instead of colliding
    expect(r.value.graph.edges.map((e) => e.key)).toEqual(['a b-Zürich', 'a b-Zürich#2', 'back']);
    expect(r.value.graph.edges[0]?.attributes).toEqual({ weight: 2.5 });
  });

  it('opens under the default limits whatever a file asks for', () => {
    const greedy = { ...bfsDoc, settings: { ...DEFAULT_SETTINGS, timeLimitMs: 1e9, stepLimit: 1e12 } };
    const r = decodeLink(encodeLink(greedy));
    expect(r.ok && r.value.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts the fragment with or without its #', () => {
    expect(codeOf(`#${encodeLink(dijkstraDoc)}`)).toBe('ok');
  });
});

describe('bad links are refused with a stable code and a sentence', () => {
  const good = encodeLink(bfsDoc);

  it.each([
    ['', 'SHARE_NOT_A_LINK'],
    ['hello', 'SHARE_NOT_A_LINK'],
    ['s0.AAAA', 'SHARE_NOT_A_LINK'],
    ['s3.AAAA', 'SHARE_NEWER_VERSION'],
    ['s17.anything', 'SHARE_NEWER_VERSION'],
    [`s1.${'A'.repeat(70_000)}`, 'SHARE_TOO_LONG'],
    ['s1.abc$def', 'SHARE_BAD_ENCODING'],
    ['s1.abcde', 'SHARE_BAD_ENCODING'],
    ['s1.', 'SHARE_BAD_ENCODING'],
  ])('%j → %s', (fragment, code) => {
    const r = decodeLink(fragment);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.message).toMatch(/^share\/decode: .{20,}/);
  });

  it('a newer version says so and how to fix it', () => {
    const r = decodeLink('s3.whatever');
    expect(!r.ok && r.error.message).toContain('newer Stepgraph (link format 3)');
  });

  it('a truncated link is refused at every length', () => {
    for (let n = LINK_PREFIX.length; n < good.length; n++)
      expect(codeOf(good.slice(0, n))).toMatch(/^SHARE_(BAD_ENCODING|CORRUPT)$/);
  });

  it('a changed character is caught (decompression or checksum), never opened as other code', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = LINK_PREFIX.length; i < good.length; i++) {
      const c = alphabet[(alphabet.indexOf(good[i] ?? 'A') + 17) % 64];
      const bad = good.slice(0, i) + c + good.slice(i + 1);
      // the last character may carry only padding bits, so changing them can leave the bytes as they were
      if (i === good.length - 1 && decodeLink(bad).ok) continue;
      expect(codeOf(bad)).toMatch(/^SHARE_(CORRUPT|BAD_JSON|BAD_SHAPE)$/);
    }
  });

  it('a decompression bomb stops at the cap: refused quickly, without inflating it all', () => {
    // 64 MB of zeros deflates to ~64 KB; keep the link under the length cap with 40 MB
    const bomb = packLink(new Uint8Array(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(65_536);
    const start = performance.now();
    expect(codeOf(bomb)).toBe('SHARE_TOO_LARGE');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('data that is not JSON text, or JSON that is not a playground, is refused', () => {
    expect(codeOf(packLink(new Uint8Array([0xff, 0xfe, 0x00])))).toBe('SHARE_BAD_JSON');
    expect(codeOf(packLink(bytes('{"f":')))).toBe('SHARE_BAD_JSON');
    expect(codeOf(packLink(bytes('[1,2,3]')))).toBe('SHARE_BAD_SHAPE');
    expect(codeOf(packLink(bytes('{"f":{"main.ts":"x"},"g":{"n":[],"e":[]},"s":{"seed":"s"},"extra":1}')))).toBe(
      'SHARE_BAD_SHAPE',
    );
    expect(codeOf(packLink(bytes('{"f":{"main.ts":"x"},"g":{"n":["A"],"e":[0,1]},"s":{"seed":"s"}}')))).toBe(
      'SHARE_BAD_SHAPE',
    );
    expect(codeOf(packLink(bytes('{"f":{"../etc":"x"},"m":"../etc","g":{"n":[],"e":[]},"s":{"seed":"s"}}')))).toBe(
      'SHARE_BAD_SHAPE',
    );
    expect(codeOf(packLink(bytes('{"f":{"main.ts":"x"},"g":{"n":["A","A"],"e":[]},"s":{"seed":"s"}}')))).toBe(
      'SHARE_BAD_SHAPE',
    );
    const deep = `{"f":{"main.ts":"x"},"g":{"n":["A"],"e":[],"na":{"0":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}},"s":{"seed":"s"}}`;
    expect(codeOf(packLink(bytes(deep)))).toBe('SHARE_BAD_SHAPE');
  });

  it('a message names the bad field', () => {
    const r = decodeLink(packLink(bytes('{"f":{"main.ts":"x"},"g":{"n":["A"],"e":[0,7]},"s":{"seed":"s"}}')));
    expect(!r.ok && r.error.message).toContain('g.e[1] must be a whole number from 0 to 0');
  });

  it('raw deflate without the checksum is refused', () => {
    const raw = LINK_PREFIX + toBase64url(deflateSync(bytes('{"f":{}}')));
    expect(codeOf(raw)).toMatch(/^SHARE_(CORRUPT|BAD_ENCODING)$/);
  });
});
