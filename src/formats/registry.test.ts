import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_CODES, FORMAT_LIMITS, FORMATS, detectFormat, readGraphText, writeGraphText } from './index';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/graphs/${name}`, import.meta.url), 'utf8');
const read = (text: string, options: { format?: string; name?: string } = {}) => {
  const r = readGraphText(text, options);
  if (!r.ok) throw r.error;
  return r.value;
};
const refusal = (text: string, options: { format?: string; name?: string } = {}) => {
  const r = readGraphText(text, options);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

const FIXTURES: Record<string, string> = {
  'triangle.json': 'graphology',
  'triangle.cyjs': 'cytoscape',
  'triangle.graphml': 'graphml',
  'triangle.gexf': 'gexf',
  'triangle.dot': 'dot',
  'triangle.csv': 'csv',
  'triangle.tsv': 'tsv',
};

describe('graph formats', () => {
  it('[F-REG1] tells each format from its content and name, and reads the same triangle from each', () => {
    for (const [name, id] of Object.entries(FIXTURES)) {
      const text = fixture(name);
      expect(detectFormat(text, name)?.id, name).toBe(id);
      // the content alone says it too, except for an edge list, which is what is left
      expect(detectFormat(text)?.id, name).toBe(id);
      const { graph } = read(text, { name });
      expect(graph.nodes.map((n) => n.key).sort(), name).toEqual(['a', 'b', 'c']);
      const weights = graph.edges.map((e) => e.attributes?.weight);
      expect(weights, name).toEqual([3, 4.5, 7]);
    }
  });

  it('[F-REG1] keeps what each format says beyond the edges', () => {
    expect(read(fixture('triangle.graphml')).graph.nodes[0]?.attributes).toEqual({ name: 'Arles' });
    expect(read(fixture('triangle.graphml')).graph.edges.map((e) => e.key)).toEqual(['ab', 'bc', 'c-a']);
    const gexf = read(fixture('triangle.gexf')).graph;
    expect(gexf.options?.type).toBe('directed');
    expect(gexf.nodes[0]?.attributes).toMatchObject({ label: 'Arles', population: 52000, x: 0, y: 0 });
    const dot = read(fixture('triangle.dot')).graph;
    expect(dot.options?.type).toBe('directed');
    expect(dot.nodes[0]).toEqual({ key: 'a', attributes: { label: 'Arles' } });
    expect(dot.edges[1]).toEqual({ key: 'b->c', source: 'b', target: 'c', attributes: { weight: 4.5, color: 'red' } });
    expect(read(fixture('triangle.cyjs')).graph.nodes[2]).toEqual({ key: 'c', attributes: { x: 50, y: 80 } });
  });

  it('[F-REG1] reads DOT chains, groups and subgraphs, and edge lists without a header or with lone nodes', () => {
    const dot = read('graph { a -- b -- c; {d e} -- f; subgraph s { g } }').graph;
    expect(dot.edges.map((e) => `${e.source}${e.target}`)).toEqual(['ab', 'bc', 'df', 'ef']);
    expect(dot.nodes.map((n) => n.key)).toContain('g');
    const csv = read('# directed\n1,2,5\n2,3\nlonely\n', { format: 'csv' }).graph;
    expect(csv.options?.type).toBe('directed');
    expect(csv.nodes.map((n) => n.key)).toEqual(['1', '2', '3', 'lonely']);
    expect(csv.edges[0]).toEqual({ key: '1->2', source: '1', target: '2', attributes: { weight: 5 } });
    expect(csv.edges[1]?.attributes).toBeUndefined();
  });

  it('[F-ERR1] refuses each malformed fixture with a stable code and the line or element', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['broken.json', FORMAT_CODES.SYNTAX, /line 3/],
      ['broken.cyjs', FORMAT_CODES.BAD_GRAPH, /edge 1: the target has no key/],
      ['broken.graphml', FORMAT_CODES.SYNTAX, /line 5/],
      ['broken.gexf', FORMAT_CODES.BAD_GRAPH, /<edge> at line 5: its target "zz" is not a node/],
      ['broken.dot', FORMAT_CODES.SYNTAX, /line 3/],
      ['broken.csv', FORMAT_CODES.BAD_GRAPH, /line 3/],
      ['broken.tsv', FORMAT_CODES.BAD_GRAPH, /line 2 has 5 columns/],
    ];
    for (const [name, code, message] of cases) {
      const e = refusal(fixture(name), { name });
      expect(e.code, name).toBe(code);
      expect(e.message, name).toMatch(message);
      expect(e.message, name).toMatch(/^formats\//);
    }
  });

  it('[F-ERR1] says what it cannot tell, and refuses an unknown format id', () => {
    expect(refusal('<svg></svg>').code).toBe(FORMAT_CODES.UNKNOWN);
    expect(refusal('\u0089PNG\r\n\u001a\n\u0000\u0000', { name: 'picture.png' }).message).toMatch(
      /cannot tell the format of "picture.png"/,
    );
    expect(refusal('{"a":1}', { name: 'x.json' }).code).toBe(FORMAT_CODES.UNKNOWN);
    expect(refusal('a,b', { format: 'xlsx' }).message).toMatch(/unknown format "xlsx"/);
    expect(refusal(3 as unknown as string).code).toBe(FORMAT_CODES.UNKNOWN);
    expect(
      refusal(
        '{"nodes":[{"key":"a"},{"key":"a"}],"edges":[{"key":"e","source":"a","target":"a"},{"key":"e","source":"a","target":"a"}]}',
      ).message,
    ).toMatch(/edges\[1\]: the edge key "e" is used twice/);
  });

  it('[F-LIM1] refuses a text past the size limit before reading it, and a graph past the element limits', () => {
    const huge = 'a,b\n'.repeat(FORMAT_LIMITS.bytes / 4 + 1);
    const t0 = performance.now();
    expect(refusal(huge).code).toBe(FORMAT_CODES.TOO_LARGE);
    expect(performance.now() - t0).toBeLessThan(50);
    const many = Array.from({ length: FORMAT_LIMITS.nodes + 1 }, (_, i) => `n${i}`).join('\n');
    expect(refusal(many, { format: 'csv' }).code).toBe(FORMAT_CODES.TOO_MANY);
    const gml = `<graphml><graph>${'<node id="x"/>'.repeat(FORMAT_LIMITS.nodes + 1)}</graph></graphml>`;
    expect(refusal(gml).code).toBe(FORMAT_CODES.TOO_MANY);
  });

  it('[F-RT1] writes a weighted graph in every format and reads it back', () => {
    const weighted = read(fixture('triangle.json')).graph;
    for (const f of FORMATS) {
      const { text, extension } = writeGraphText(weighted, f.id);
      const { graph, format } = read(text, { name: `triangle${extension}` });
      expect(format.id, f.id).toBe(f.id);
      expect(
        graph.edges.map((e) => [e.source, e.target, e.attributes?.weight]),
        f.id,
      ).toEqual(weighted.edges.map((e) => [e.source, e.target, e.attributes?.weight]));
    }
  });
});
