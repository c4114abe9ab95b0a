import type { GraphologyJson } from '../protocol/graph';
import { err, ok, type Result } from '../shared/result';
import { csvFormat } from './csv';
import { cytoscapeFormat } from './cytoscapeJson';
import { dotFormat } from './dot';
import { FORMAT_CODES, FormatError } from './errors';
import { gexfFormat } from './gexf';
import { graphmlFormat } from './graphml';
import { graphologyFormat } from './graphologyJson';
import { FORMAT_LIMITS, type FormatLimits } from './limits';
import { tsvFormat } from './tsv';
import type { FormatId, GraphFormat } from './types';

/** Every graph format, in the order menus list them and content is sniffed. */
export const FORMATS: readonly GraphFormat[] = [
  graphologyFormat,
  cytoscapeFormat,
  graphmlFormat,
  gexfFormat,
  dotFormat,
  csvFormat,
  tsvFormat,
];

/** The format with this id, if there is one. */
export const formatById = (id: string): GraphFormat | undefined => FORMATS.find((f) => f.id === id);

/**
 * Which format a file is in: its content when that says (XML root, JSON keys, a DOT header), else
 * its name's ending, else an edge list. Undefined when nothing fits.
 */
export function detectFormat(text: string, name = ''): GraphFormat | undefined {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  const lower = name.toLowerCase();
  const byContent = FORMATS.filter((f) => f.id !== 'csv' && f.id !== 'tsv').find((f) => f.sniff(head));
  if (byContent) return byContent;
  const byName = FORMATS.find(
    (f) => f.extensions.some((x) => lower.endsWith(x)) && f.id !== 'graphology' && f.id !== 'cytoscape',
  );
  if (byName) return byName;
  if (head.startsWith('{') || head.startsWith('[') || head.startsWith('<')) return undefined;
  // a picture or an archive is not an edge list, however its bytes split into lines
  // eslint-disable-next-line no-control-regex -- control characters are what tells binary from text
  if (/[\u0000-\u0008\u000E-\u001F]/.test(head)) return undefined;
  return tsvFormat.sniff(head) ? tsvFormat : csvFormat.sniff(head) || head.length > 0 ? csvFormat : undefined;
}

/**
 * Reads a graph file in any known format (the named one, else the one detected); never throws:
 * a malformed file is a FormatError with a stable code that names the line or element.
 */
export function readGraphText(
  text: string,
  options: { format?: string; name?: string; limits?: Partial<FormatLimits> } = {},
): Result<{ graph: GraphologyJson; format: GraphFormat }, FormatError> {
  const limits = { ...FORMAT_LIMITS, ...options.limits };
  try {
    if (typeof text !== 'string') throw new FormatError(FORMAT_CODES.UNKNOWN, 'read', 'the graph text is not a string');
    if (text.length > limits.bytes)
      throw new FormatError(
        FORMAT_CODES.TOO_LARGE,
        'read',
        `the file is larger than ${Math.round((limits.bytes / 1024 / 1024) * 10) / 10} MB, more than a graph may be here`,
      );
    const format = options.format !== undefined ? formatById(options.format) : detectFormat(text, options.name);
    if (!format)
      throw new FormatError(
        FORMAT_CODES.UNKNOWN,
        'read',
        options.format !== undefined
          ? `unknown format "${String(options.format).slice(0, 40)}" (known: ${FORMATS.map((f) => f.id).join(', ')})`
          : `cannot tell the format of ${options.name ? `"${options.name}"` : 'this text'}: expected ${FORMATS.map((f) => f.title).join(', ')}`,
      );
    return ok({ graph: format.parse(text, limits), format });
  } catch (e) {
    if (e instanceof FormatError) return err(e);
    // a reader's own failure (a bug, or a stack overflow on deep nesting) is still a clear refusal
    const message = e instanceof Error ? e.message : String(e);
    return err(new FormatError(FORMAT_CODES.BAD_GRAPH, 'read', `the graph cannot be read: ${message.slice(0, 200)}`));
  }
}

/** Writes a graph in the format with this id; the name a download should get comes with it. */
export function writeGraphText(graph: GraphologyJson, id: FormatId): { text: string; extension: string; mime: string } {
  const format = formatById(id);
  if (!format) throw new FormatError(FORMAT_CODES.UNKNOWN, 'write', `unknown format "${id}"`);
  return { text: format.write(graph), extension: format.extensions[0] ?? '.txt', mime: format.mime };
}
