import type { GraphologyJson } from '../protocol/graph';
import { GraphBuilder, isRecord } from './builder';
import { FORMAT_CODES, FormatError } from './errors';
import { parseJson } from './json';
import type { FormatLimits } from './limits';
import type { GraphFormat } from './types';

const READER = 'graphology';
const TYPES = ['directed', 'undirected', 'mixed'] as const;

const bad = (message: string): FormatError => new FormatError(FORMAT_CODES.BAD_GRAPH, READER, message);

function attributesOf(v: unknown, at: string): Record<string, unknown> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) throw bad(`${at}.attributes must be an object`);
  return v;
}

/** Reads graphology's serialised form (`graph.export()`), checking every element. */
export function readGraphology(json: unknown, limits?: FormatLimits): GraphologyJson {
  if (!isRecord(json) || !Array.isArray(json.nodes)) throw bad('the JSON has no "nodes" array');
  const options = json.options ?? {};
  if (!isRecord(options)) throw bad('"options" must be an object');
  const type = options.type ?? 'mixed';
  if (!TYPES.includes(type as never)) throw bad(`options.type must be one of ${TYPES.join(', ')}`);
  const b = new GraphBuilder(READER, type as GraphBuilder['type'], limits);
  if (json.attributes !== undefined) b.attributes = { ...attributesOf(json.attributes, 'graph') };
  json.nodes.forEach((n: unknown, i) => {
    if (!isRecord(n)) throw bad(`nodes[${i}] must be an object`);
    b.node(n.key, attributesOf(n.attributes, `nodes[${i}]`), `nodes[${i}]`);
  });
  const edges = json.edges ?? [];
  if (!Array.isArray(edges)) throw bad('"edges" must be an array');
  edges.forEach((e: unknown, i) => {
    if (!isRecord(e)) throw bad(`edges[${i}] must be an object`);
    if (e.undirected !== undefined && typeof e.undirected !== 'boolean')
      throw bad(`edges[${i}].undirected must be true or false`);
    const undirected = type === 'mixed' ? e.undirected === true : undefined;
    b.edge(e.source, e.target, attributesOf(e.attributes, `edges[${i}]`), `edges[${i}]`, { key: e.key, undirected });
  });
  const graph = b.build();
  if (options.multi === false && graph.options?.multi)
    throw bad('options.multi is false but two edges join the same nodes');
  return graph;
}

/** graphology's own JSON form: what `graph.export()` gives and `graph.import()` takes. */
export const graphologyFormat: GraphFormat = {
  id: 'graphology',
  title: 'graphology JSON',
  extensions: ['.json'],
  mime: 'application/json',
  sniff: (head) => head.startsWith('{') && /"nodes"\s*:/.test(head) && !/"elements"\s*:/.test(head),
  parse: (text, limits) => readGraphology(parseJson(text, READER), limits),
  write: (graph) => `${JSON.stringify(graph, null, 2)}\n`,
};
