import Papa from 'papaparse';
import type { GraphologyJson } from '../protocol/graph';
import { GraphBuilder, numberOrText } from './builder';
import { FORMAT_CODES, FormatError } from './errors';
import { FORMAT_LIMITS, type FormatLimits } from './limits';

const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['source', 'target'],
  ['from', 'to'],
  ['src', 'dst'],
];
const DIRECTION = /^#\s*(directed|undirected)\s*$/i;

/** True when the first row names the columns rather than an edge. */
function isHeader(row: readonly string[]): boolean {
  const [a = '', b = '', c] = row.map((s) => s.trim().toLowerCase());
  if (HEADERS.some(([s, t]) => a === s && b === t)) return true;
  // without the usual names, a third cell that is not a number (a weight) is a column name
  return c !== undefined && c !== '' && typeof numberOrText(c) === 'string';
}

/**
 * Reads an edge list: one `source,target[,weight]` per line, a header optional (its extra columns
 * become edge attributes), a lone `node` on a line adds a node, an optional first line `# directed`.
 * Cells are trimmed; a number-like cell is a number.
 */
export function readEdgeList(
  text: string,
  delimiter: ',' | '\t',
  reader: string,
  limits: FormatLimits = FORMAT_LIMITS,
): GraphologyJson {
  const lines = text.replace(/^\uFEFF/, '');
  const first = /^[^\n]*/.exec(lines)?.[0]?.trim() ?? '';
  const direction = DIRECTION.exec(first)?.[1]?.toLowerCase();
  const body = direction ? lines.slice(lines.indexOf('\n') + 1 || lines.length) : lines;
  const offset = direction ? 1 : 0;
  const parsed = Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    // empty lines are skipped below, so that a row's index is its line (papaparse's own skipping is slower)
    preview: limits.edges + limits.nodes + 2,
  });
  const bad = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (bad)
    throw new FormatError(FORMAT_CODES.SYNTAX, reader, `line ${(bad.row ?? 0) + 1 + offset}: ${bad.message}`, {
      line: (bad.row ?? 0) + 1 + offset,
    });
  const rows = parsed.data;
  const b = new GraphBuilder(reader, direction === 'directed' ? 'directed' : 'undirected', limits);
  const header = rows[0] && isHeader(rows[0]) ? rows[0].map((s) => s.trim()) : undefined;
  const columns = header ? header.slice(2) : ['weight'];
  const lineOf = (i: number): number => i + 1 + offset;
  rows.forEach((row, i) => {
    if (i === 0 && header) return;
    const cells = row.map((s) => s.trim());
    if (cells.every((c) => c === '')) return;
    const at = `line ${lineOf(i)}`;
    if (cells.length === 1 || (cells.length === 2 && cells[1] === '' && !header)) {
      b.node(cells[0], undefined, at);
      return;
    }
    if (cells.length > 2 + columns.length)
      throw new FormatError(
        FORMAT_CODES.BAD_GRAPH,
        reader,
        `${at} has ${cells.length} columns; ${header ? `the header names ${header.length}` : 'without a header an edge list has source, target and an optional weight'}`,
        { line: lineOf(i) },
      );
    const attributes: Record<string, unknown> = {};
    cells.slice(2).forEach((cell, c) => {
      if (cell === '') return;
      const value = numberOrText(cell);
      const name = columns[c] ?? `column${c + 3}`;
      if (name.toLowerCase() === 'weight' && typeof value !== 'number')
        throw new FormatError(
          FORMAT_CODES.BAD_GRAPH,
          reader,
          `${at}: the weight "${cell.slice(0, 40)}" is not a number`,
          {
            line: lineOf(i),
          },
        );
      attributes[name] = value;
    });
    b.edge(cells[0], cells[1], attributes, at, { addMissing: true });
  });
  return b.build();
}

/** Writes an edge list: a header of the edge attributes, `# directed` first for a directed graph. */
export function writeEdgeList(g: GraphologyJson, delimiter: ',' | '\t'): string {
  const names = [...new Set(g.edges.flatMap((e) => Object.keys(e.attributes ?? {})))].sort((a, b) =>
    a === 'weight' ? -1 : b === 'weight' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const touched = new Set(g.edges.flatMap((e) => [e.source, e.target]));
  const cell = (v: unknown): string =>
    v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const rows = [
    ['source', 'target', ...names],
    ...g.nodes.filter((n) => !touched.has(n.key)).map((n) => [n.key]),
    ...g.edges.map((e) => [e.source, e.target, ...names.map((n) => cell(e.attributes?.[n]))]),
  ];
  const text = Papa.unparse(rows, { delimiter, newline: '\n', escapeFormulae: false });
  return `${g.options?.type === 'directed' ? '# directed\n' : ''}${text}\n`;
}
