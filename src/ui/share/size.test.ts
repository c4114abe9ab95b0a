import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PlaygroundDoc } from '../state/doc';
import { toBase64url } from './base64url';
import { encodeLink } from './codec';
import { toCompact } from './compact';
import { toFile } from './file';
import { bfsDoc, dijkstraDoc } from './fixtures';

// The size targets, measured; the table in docs/SHARING.md is this test's output.
// `UPDATE_DOCS=1 npx vitest run src/ui/share/size.test.ts` rewrites it; otherwise a stale table fails.
const DOC = new URL('../../../docs/SHARING.md', import.meta.url);
const START = '<!-- size-table:start -->';
const END = '<!-- size-table:end -->';

interface Row {
  name: string;
  doc: PlaygroundDoc;
  target: number;
}

const ROWS: Row[] = [
  { name: 'BFS sample, ten-node graph', doc: bfsDoc, target: 600 },
  { name: '1 KB Dijkstra script, 50-node weighted graph', doc: dijkstraDoc, target: 2000 },
];

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The same payload without the preset dictionary and checksum: what plain deflate + base64url gives. */
const plain = (doc: PlaygroundDoc): number =>
  3 + toBase64url(deflateSync(utf8(JSON.stringify(toCompact(doc))), { level: 9 })).length;

function table(): string {
  const lines = [
    '| playground | script | nodes / edges | `.stepgraph.json` | compact JSON | deflate + base64url, no dictionary | **link fragment (`s1.`)** | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { name, doc, target } of ROWS) {
    const code = doc.files[doc.mainFile] ?? '';
    lines.push(
      `| ${name} | ${code.length} | ${doc.graph.nodes.length} / ${doc.graph.edges.length} | ${toFile(doc).length} | ${JSON.stringify(toCompact(doc)).length} | ${plain(doc)} | **${encodeLink(doc).length}** | ≤ ${target} |`,
    );
  }
  return lines.join('\n');
}

/** A markdown table's cells, so that Prettier's column alignment does not count as a change. */
const cells = (md: string): string[][] =>
  md
    .trim()
    .split('\n')
    .filter((l) => !/^[|\s:-]+$/.test(l)) // the separator row is only alignment
    .map((l) =>
      l
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean),
    );

describe('[share] link sizes', () => {
  it.each(ROWS)('$name fits in $target characters', ({ doc, target }) => {
    expect(encodeLink(doc).length).toBeLessThanOrEqual(target);
  });

  it('docs/SHARING.md shows the measured table', () => {
    const text = readFileSync(DOC, 'utf8');
    const at = text.indexOf(START);
    const end = text.indexOf(END);
    expect(at).toBeGreaterThan(-1);
    if (process.env.UPDATE_DOCS)
      writeFileSync(DOC, `${text.slice(0, at + START.length)}\n${table()}\n${text.slice(end)}`);
    else {
      const stale = 'the size table is stale: run UPDATE_DOCS=1 npx vitest run src/ui/share/size.test.ts';
      expect(cells(text.slice(at + START.length, end)), stale).toEqual(cells(table()));
    }
  });
});
