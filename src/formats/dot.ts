import { parse, type ClusterStatementASTNode, type EdgeTargetASTNode, type GraphASTNode } from '@ts-graphviz/ast';
import type { GraphologyJson } from '../protocol/graph';
import { GraphBuilder, numberOrText } from './builder';
import { FORMAT_CODES, FormatError } from './errors';
import type { FormatLimits } from './limits';
import type { GraphFormat } from './types';

const READER = 'dot';

type Attrs = Record<string, string | number>;

function attrsOf(children: readonly ClusterStatementASTNode[] | readonly { type: string }[]): Attrs {
  const out: Attrs = {};
  for (const c of children as ClusterStatementASTNode[])
    if (c.type === 'Attribute') out[c.key.value] = numberOrText(c.value.value);
  return out;
}

const lineOf = (n: { location?: { start: { line: number } } | null }): string =>
  n.location ? `line ${n.location.start.line}` : 'a statement';

function walk(b: GraphBuilder, statements: readonly ClusterStatementASTNode[]): void {
  for (const s of statements) {
    if (s.type === 'Node') b.node(s.id.value, attrsOf(s.children), lineOf(s));
    else if (s.type === 'Subgraph') walk(b, s.children);
    else if (s.type === 'Edge') {
      const ends = (t: EdgeTargetASTNode): string[] =>
        t.type === 'NodeRef' ? [t.id.value] : t.children.map((r) => r.id.value);
      const attributes = attrsOf(s.children);
      const at = lineOf(s);
      for (let i = 0; i + 1 < s.targets.length; i++) {
        for (const from of ends(s.targets[i] as EdgeTargetASTNode))
          for (const to of ends(s.targets[i + 1] as EdgeTargetASTNode))
            b.edge(from, to, attributes, at, { addMissing: true });
      }
    }
    // attribute statements (`node [shape=box]`, `rankdir=LR`) style a drawing: not part of the graph
  }
}

/** Reads DOT with ts-graphviz's parser: nodes, edges (chains and `{a b}` groups), subgraphs flattened; values that look like numbers are numbers. */
export function readDot(text: string, limits?: FormatLimits): GraphologyJson {
  let ast;
  try {
    ast = parse(text);
  } catch (e) {
    const loc = (
      e as { cause?: { location?: { start?: { line?: number } } }; location?: { start?: { line?: number } } }
    ).cause?.location?.start?.line;
    const line = loc ?? (e as { location?: { start?: { line?: number } } }).location?.start?.line;
    throw new FormatError(
      FORMAT_CODES.SYNTAX,
      READER,
      `not valid DOT${line ? ` at line ${line}` : ''}: ${(e as Error).message.slice(0, 160)}`,
      line ? { line } : {},
    );
  }
  const graph = ast.children.find((c): c is GraphASTNode => c.type === 'Graph');
  if (!graph) throw new FormatError(FORMAT_CODES.BAD_GRAPH, READER, 'the file holds no graph');
  const b = new GraphBuilder(READER, graph.directed ? 'directed' : 'undirected', limits);
  walk(b, graph.children);
  return b.build();
}

const quote = (s: string): string => `"${s.replace(/"/g, '\\"').replace(/\\$/, '\\ ')}"`;
const value = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) && /^-?(?:\d+\.?\d*|\.\d+)$/.test(String(v))
    ? String(v)
    : quote(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
const attrList = (a: Record<string, unknown> | undefined): string => {
  const parts = Object.entries(a ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${quote(k)}=${value(v)}`);
  return parts.length ? ` [${parts.join(', ')}]` : '';
};

/** Writes DOT: `digraph` for a directed graph, else `graph`; every id quoted. */
export function writeDot(g: GraphologyJson): string {
  const directed = g.options?.type === 'directed';
  const arrow = directed ? '->' : '--';
  const lines = [`${directed ? 'digraph' : 'graph'} {`];
  for (const n of g.nodes) lines.push(`  ${quote(n.key)}${attrList(n.attributes)};`);
  for (const e of g.edges) lines.push(`  ${quote(e.source)} ${arrow} ${quote(e.target)}${attrList(e.attributes)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Graphviz's DOT language. */
export const dotFormat: GraphFormat = {
  id: 'dot',
  title: 'DOT (Graphviz)',
  extensions: ['.dot', '.gv'],
  mime: 'text/vnd.graphviz',
  sniff: (head) => /^(?:(?:\/\/|#)[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(?:strict\s+)?(?:di)?graph\b/i.test(head),
  parse: readDot,
  write: writeDot,
};
