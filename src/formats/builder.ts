import type { GraphologyJson } from '../protocol/graph';
import { FORMAT_CODES, FormatError } from './errors';
import { FORMAT_LIMITS, type FormatLimits } from './limits';

type Attributes = Record<string, unknown>;
type Edge = GraphologyJson['edges'][number];

/** Where an element came from, for messages: `line 4`, `edge 3`, `<node id="a">`. */
export type Where = string;

/**
 * Collects a graph as a reader finds it, within FORMAT_LIMITS, and gives it back as graphology
 * JSON: a node named twice merges its attributes, an edge to an unknown node is an error naming
 * the element (or adds the node, for formats where an edge is how nodes are named), edges a file
 * gave no key get readable unique ones (`a-b`, `a->b`, `a->b#2`).
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, Attributes>();
  private readonly edges: Array<Edge & { at: Where }> = [];
  /** Graph-level attributes. */
  attributes: Attributes = {};

  constructor(
    private readonly reader: string,
    /** Directed, undirected or mixed, as the file says. */
    public type: 'directed' | 'undirected' | 'mixed',
    private readonly limits: FormatLimits = FORMAT_LIMITS,
  ) {}

  /** Adds a node, or merges attributes into one already there. */
  node(key: unknown, attributes: Attributes | undefined, at: Where): string {
    const k = this.key(key, at, 'node');
    const had = this.nodes.get(k);
    if (had) Object.assign(had, attributes);
    else {
      if (this.nodes.size >= this.limits.nodes)
        throw new FormatError(FORMAT_CODES.TOO_MANY, this.reader, `more than ${this.limits.nodes} nodes (${at})`);
      this.nodes.set(k, { ...attributes });
    }
    return k;
  }

  /** True when the node is there. */
  has(key: string): boolean {
    return this.nodes.has(key);
  }

  /** Adds an edge; `addMissing` adds unknown end nodes instead of refusing them. */
  edge(
    source: unknown,
    target: unknown,
    attributes: Attributes | undefined,
    at: Where,
    options: { key?: unknown; undirected?: boolean; addMissing?: boolean } = {},
  ): void {
    const s = this.key(source, at, 'source');
    const t = this.key(target, at, 'target');
    for (const [end, k] of [
      ['source', s],
      ['target', t],
    ] as const) {
      if (this.nodes.has(k)) continue;
      if (options.addMissing) this.node(k, undefined, at);
      else throw new FormatError(FORMAT_CODES.BAD_GRAPH, this.reader, `${at}: its ${end} "${k}" is not a node`);
    }
    if (this.edges.length >= this.limits.edges)
      throw new FormatError(FORMAT_CODES.TOO_MANY, this.reader, `more than ${this.limits.edges} edges (${at})`);
    const edge: Edge & { at: Where } = { source: s, target: t, at };
    if (options.key !== undefined && options.key !== null && options.key !== '')
      edge.key = this.key(options.key, at, 'edge');
    if (options.undirected !== undefined && this.type === 'mixed') edge.undirected = options.undirected;
    if (attributes && Object.keys(attributes).length > 0) edge.attributes = { ...attributes };
    this.edges.push(edge);
  }

  /** The graph, as graphology JSON. */
  build(): GraphologyJson {
    const used = new Set<string>();
    for (const e of this.edges) {
      if (e.key === undefined) continue;
      if (used.has(e.key))
        throw new FormatError(FORMAT_CODES.BAD_GRAPH, this.reader, `${e.at}: the edge key "${e.key}" is used twice`);
      used.add(e.key);
    }
    const pairs = new Set<string>();
    let multi = false;
    const edges = this.edges.map(({ at: _at, ...e }) => {
      const undirected = this.type === 'undirected' || e.undirected === true;
      const [a, b] = undirected && e.target < e.source ? [e.target, e.source] : [e.source, e.target];
      const pair = JSON.stringify([a, b, undirected]);
      if (pairs.has(pair)) multi = true;
      pairs.add(pair);
      if (e.key !== undefined) return e;
      const base = `${e.source}${undirected ? '-' : '->'}${e.target}`;
      let key = base;
      for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
      used.add(key);
      return { key, ...e };
    });
    const graph: GraphologyJson = {
      options: { type: this.type, multi, allowSelfLoops: true },
      nodes: [...this.nodes].map(([key, a]) => (Object.keys(a).length > 0 ? { key, attributes: a } : { key })),
      edges,
    };
    if (Object.keys(this.attributes).length > 0) graph.attributes = this.attributes;
    return graph;
  }

  private key(v: unknown, at: Where, what: string): string {
    if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
    if (typeof v !== 'string' || v === '')
      throw new FormatError(FORMAT_CODES.BAD_GRAPH, this.reader, `${at}: the ${what} has no key (id)`);
    if (v.length > this.limits.key)
      throw new FormatError(
        FORMAT_CODES.BAD_GRAPH,
        this.reader,
        `${at}: the ${what} key is longer than ${this.limits.key} characters`,
      );
    return v;
  }
}

/** A number when the text is one (`3`, `-2.5`, `1e3`), else the text: DOT and CSV have no types. */
export function numberOrText(s: string): string | number {
  if (!/^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(s)) return s;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** Plain objects only: attribute bags a reader takes from JSON. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
