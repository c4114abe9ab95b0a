import type { GraphologyJson } from '../../protocol/graph';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import type { PlaygroundDoc } from '../state/doc';
import { arr, attrs, int, obj, oneOf, str, ShapeError, type Obj } from './check';
import { LIMITS } from './limits';

/**
 * Format 1 of a link's payload: the doc with one-letter keys, nodes as a list of keys, positions
 * as one flat list of rounded numbers, edges as pairs of node indices. Defaults are left out.
 */
export interface CompactV1 {
  /** Files by name. */
  f: Record<string, string>;
  /** Main file, when not `main.ts`. */
  m?: string;
  /** The graph. */
  g: CompactGraph;
  /** Settings: the seed always; limits (t: time in ms, n: steps) only when below the defaults. */
  s: { seed: string; t?: number; n?: number };
  /** Layout, when not `preset`. */
  l?: string;
  /** The step on screen, when not 0. */
  i?: number;
  /** Breakpoints as [file, line] or [file, line, condition], when there are any (link format 2). */
  b?: Array<[string, number] | [string, number, string]>;
}

/** The graph of {@link CompactV1}. */
export interface CompactGraph {
  /** Type: `u` undirected, `d` directed; absent: mixed. */
  t?: 'u' | 'd';
  /** 1 when multi. */
  mu?: 1;
  /** 0 when self-loops are not allowed. */
  sl?: 0;
  /** Graph attributes. */
  a?: Obj;
  /** Node keys, in order. */
  n: string[];
  /** x, y per node, rounded; null, null for a node without a position. Absent when none has one. */
  p?: Array<number | null>;
  /** source index, target index per edge. */
  e: number[];
  /** Edge keys, 0 where the key is `source-target`. Absent when all are. */
  k?: Array<string | 0>;
  /** Indices of edges marked undirected in a mixed graph. */
  u?: number[];
  /** Node attributes besides x and y, by node index. */
  na?: Record<string, Obj>;
  /** Edge attributes, by edge index. */
  ea?: Record<string, Obj>;
}

const TYPES = { undirected: 'u', directed: 'd' } as const;

/** The doc in format 1's compact form. */
export function toCompact(doc: PlaygroundDoc): CompactV1 {
  const c: CompactV1 = { f: { ...doc.files }, g: compactGraph(doc.graph), s: { seed: doc.settings.seed } };
  if (doc.mainFile !== 'main.ts') c.m = doc.mainFile;
  // limits at or above the defaults are left out: an opened link runs under the defaults anyway
  if (doc.settings.timeLimitMs < DEFAULT_SETTINGS.timeLimitMs) c.s.t = doc.settings.timeLimitMs;
  if (doc.settings.stepLimit < DEFAULT_SETTINGS.stepLimit) c.s.n = doc.settings.stepLimit;
  if (doc.layout !== 'preset') c.l = doc.layout;
  if (doc.step !== 0) c.i = doc.step;
  if (doc.breakpoints && doc.breakpoints.length > 0)
    c.b = doc.breakpoints.map((b) => (b.condition ? [b.file, b.line, b.condition] : [b.file, b.line]));
  return c;
}

function compactGraph(g: GraphologyJson): CompactGraph {
  const index = new Map(g.nodes.map((n, i) => [n.key, i]));
  const c: CompactGraph = {
    n: g.nodes.map((n) => n.key),
    e: g.edges.flatMap((e) => [index.get(e.source) ?? -1, index.get(e.target) ?? -1]),
  };
  const type = g.options?.type;
  if (type === 'undirected' || type === 'directed') c.t = TYPES[type];
  if (g.options?.multi) c.mu = 1;
  if (g.options?.allowSelfLoops === false) c.sl = 0;
  if (g.attributes && Object.keys(g.attributes).length > 0) c.a = g.attributes;
  const pos = g.nodes.flatMap((n) => {
    const x = n.attributes?.x;
    const y = n.attributes?.y;
    return typeof x === 'number' && typeof y === 'number' ? [Math.round(x), Math.round(y)] : [null, null];
  });
  if (pos.some((v) => v !== null)) c.p = pos;
  g.nodes.forEach((n, i) => {
    const { x: _x, y: _y, ...rest } = n.attributes ?? {};
    if (Object.keys(rest).length > 0) (c.na ??= {})[i] = rest;
  });
  // a key left out reads back as `source-target`: keep keys unique so that reading them back is too
  const used = new Set<string>();
  const keys = g.edges.map((e) => {
    const plain = `${e.source}-${e.target}`;
    let key = e.key ?? plain;
    for (let n = 2; used.has(key); n++) key = `${plain}#${n}`;
    used.add(key);
    return key === plain ? 0 : key;
  });
  if (keys.some((k) => k !== 0)) c.k = keys;
  const undirected = g.edges.flatMap((e, i) => (e.undirected ? [i] : []));
  if (undirected.length > 0) c.u = undirected;
  g.edges.forEach((e, i) => {
    if (e.attributes && Object.keys(e.attributes).length > 0) (c.ea ??= {})[i] = e.attributes;
  });
  return c;
}

/**
 * Reads format 1's compact form back into a doc, strictly: unknown fields, wrong types and indices
 * out of range throw ShapeError. The result still goes through `validateDoc` (the one validator).
 */
export function fromCompact(v: unknown): unknown {
  const c = obj(v, '', ['f', 'm', 'g', 's', 'l', 'i', 'b']);
  const s = obj(c.s, 's', ['seed', 't', 'n']);
  return {
    files: c.f,
    mainFile: c.m === undefined ? 'main.ts' : c.m,
    graph: expandGraph(c.g),
    settings: { seed: s.seed, timeLimitMs: s.t ?? 1e9, stepLimit: s.n ?? 1e12 },
    layout: c.l === undefined ? 'preset' : c.l,
    step: c.i === undefined ? 0 : c.i,
    ...(c.b === undefined ? {} : { breakpoints: expandBreakpoints(c.b) }),
  };
}

/** `[file, line, condition?]` lists → breakpoint objects; their values are checked by `validateDoc`. */
function expandBreakpoints(v: unknown): unknown[] {
  return arr(v, 'b', LIMITS.breakpoints).map((x, i) => {
    const [file, line, condition, ...rest] = arr(x, `b[${i}]`, 3);
    if (rest.length > 0 || file === undefined || line === undefined)
      throw new ShapeError(`b[${i}]`, 'a file, a line and maybe a condition');
    return condition === undefined ? { file, line } : { file, line, condition };
  });
}

function expandGraph(v: unknown): GraphologyJson {
  const g = obj(v, 'g', ['t', 'mu', 'sl', 'a', 'n', 'p', 'e', 'k', 'u', 'na', 'ea']);
  const keys = arr(g.n, 'g.n', LIMITS.nodes).map((k, i) => str(k, `g.n[${i}]`, LIMITS.key, 1));
  const pairs = arr(g.e, 'g.e', LIMITS.edges * 2).map((x, i) => int(x, `g.e[${i}]`, 0, keys.length - 1));
  if (pairs.length % 2 !== 0) throw new ShapeError('g.e', 'pairs of node indices');
  const pos = g.p === undefined ? undefined : arr(g.p, 'g.p', keys.length * 2);
  if (pos && pos.length !== keys.length * 2) throw new ShapeError('g.p', 'an x and a y per node');
  const nodeAttrs =
    g.na === undefined
      ? {}
      : obj(
          g.na,
          'g.na',
          keys.map((_, i) => String(i)),
        );
  const edgeCount = pairs.length / 2;
  const edgeAttrs =
    g.ea === undefined
      ? {}
      : obj(
          g.ea,
          'g.ea',
          Array.from({ length: edgeCount }, (_, i) => String(i)),
        );
  const edgeKeys = g.k === undefined ? undefined : arr(g.k, 'g.k', edgeCount);
  if (edgeKeys && edgeKeys.length !== edgeCount) throw new ShapeError('g.k', 'a key or 0 per edge');
  const undirected = new Set(
    g.u === undefined ? [] : arr(g.u, 'g.u', edgeCount).map((x, i) => int(x, `g.u[${i}]`, 0, edgeCount - 1)),
  );
  const t = g.t === undefined ? undefined : oneOf(g.t, 'g.t', ['u', 'd'] as const);
  const options: NonNullable<GraphologyJson['options']> = {
    type: t === 'u' ? 'undirected' : t === 'd' ? 'directed' : 'mixed',
  };
  if (g.mu !== undefined) options.multi = int(g.mu, 'g.mu', 1, 1) === 1;
  if (g.sl !== undefined) options.allowSelfLoops = int(g.sl, 'g.sl', 0, 0) === 1;
  const nodes = keys.map((key, i) => {
    const extra = nodeAttrs[String(i)] === undefined ? {} : attrs(nodeAttrs[String(i)], `g.na.${i}`);
    const x = pos?.[2 * i];
    const y = pos?.[2 * i + 1];
    const at = x === null || y === null || x === undefined || y === undefined ? extra : { ...extra, x, y };
    return Object.keys(at).length > 0 ? { key, attributes: at } : { key };
  });
  const edges = Array.from({ length: edgeCount }, (_, i) => {
    const source = keys[pairs[2 * i] ?? 0] ?? '';
    const target = keys[pairs[2 * i + 1] ?? 0] ?? '';
    const k = edgeKeys?.[i];
    const key = k === undefined || k === 0 ? `${source}-${target}` : str(k, `g.k[${i}]`, LIMITS.key, 1);
    const edge: GraphologyJson['edges'][number] = { key, source, target };
    if (undirected.has(i)) edge.undirected = true;
    if (edgeAttrs[String(i)] !== undefined) edge.attributes = attrs(edgeAttrs[String(i)], `g.ea.${i}`);
    return edge;
  });
  return { options, ...(g.a === undefined ? {} : { attributes: attrs(g.a, 'g.a') }), nodes, edges };
}
