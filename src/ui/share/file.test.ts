import { describe, expect, it } from 'vitest';
import { fileNameFor, parseFile, toFile } from './file';
import { bfsDoc, dijkstraDoc } from './fixtures';

const codeOf = (text: string): string => {
  const r = parseFile(text);
  return r.ok ? 'ok' : r.error.code;
};

describe('[share] .stepgraph.json export and import', () => {
  it('round-trips a whole playground exactly', () => {
    for (const doc of [bfsDoc, dijkstraDoc]) {
      const r = parseFile(toFile(doc));
      expect(r.ok && r.value).toEqual(doc);
    }
  });

  it('is readable JSON with a version', () => {
    expect(JSON.parse(toFile(bfsDoc))).toMatchObject({ stepgraph: 1, mainFile: 'main.ts', step: 63 });
  });

  it.each([
    ['not json', 'SHARE_BAD_JSON'],
    ['{"files":{}}', 'SHARE_NOT_A_FILE'],
    ['{"stepgraph":"1"}', 'SHARE_NOT_A_FILE'],
    ['{"stepgraph":3,"anything":true}', 'SHARE_NEWER_VERSION'],
    ['{"stepgraph":1}', 'SHARE_BAD_SHAPE'],
    ['{"stepgraph":1,"files":{"main.ts":"x"},"extra":1}', 'SHARE_BAD_SHAPE'],
    ['null', 'SHARE_NOT_A_FILE'],
  ])('malformed %j → %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('names the field that is wrong', () => {
    const bad = JSON.parse(toFile(bfsDoc)) as { graph: { edges: Array<{ target: string }> } };
    const edge = bad.graph.edges[2];
    if (edge) edge.target = 'Q';
    const r = parseFile(JSON.stringify(bad));
    expect(!r.ok && r.error.message).toContain('graph.edges[2].target must be the key of a node');
  });

  it('refuses a file over 2 MB before parsing it', () => {
    expect(codeOf(' '.repeat(2 * 1024 * 1024 + 1))).toBe('SHARE_TOO_LARGE');
  });

  it('names files after their title', () => {
    expect(fileNameFor('Breadth-first search from A: visit nodes')).toBe(
      'breadth-first-search-from-a-visit-nodes.stepgraph.json',
    );
    expect(fileNameFor('★')).toBe('playground.stepgraph.json');
  });
});
