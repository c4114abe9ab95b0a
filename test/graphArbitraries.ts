// fast-check arbitraries of graphs in graphology JSON, shaped to what each format can carry.
import fc from 'fast-check';
import type { GraphologyJson } from '../src/protocol/graph';

/** Characters that keys and strings are made of: XML and CSV specials, quotes, Unicode, no line breaks. */
const CHARS = [...'abcXYZ019 _-.:/<>&"\',;#=[]{}é漢', '🙂'];

/** What a format can carry, so that export then import is expected to give the same graph. */
export interface Carries {
  /** Graph types the format writes. */
  types: ReadonlyArray<'directed' | 'undirected' | 'mixed'>;
  /** Node attributes kept. */
  nodeAttributes: boolean;
  /** Attribute values: any JSON, typed scalars (one type per name), or numbers only. */
  values: 'json' | 'scalars' | 'numbers' | 'untyped';
  /** Edge keys kept. */
  edgeKeys: boolean;
  /** Nodes with no edge kept. */
  isolated: boolean;
  /** Empty strings kept (GEXF drops them). */
  emptyStrings?: boolean;
  /** Attribute names the format reads as something else. */
  reserved?: readonly string[];
}

const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 0, maxLength: 6 });
const key = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 5 }).filter((s) => s.trim() === s);
const finite = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const number = finite.filter((n) => !Object.is(n, -0));

/** Per attribute name, the type of its values (so typed formats see one type per name). */
const NAMES: Record<string, 'string' | 'number' | 'boolean'> = {
  weight: 'number',
  cost: 'number',
  x: 'number',
  y: 'number',
  name: 'string',
  kind: 'string',
  label: 'string',
  flag: 'boolean',
};

function valueFor(name: string, values: Carries['values'], nonEmpty: boolean): fc.Arbitrary<unknown> {
  if (values === 'json') return fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  if (values === 'numbers') return number;
  const type = NAMES[name];
  if (type === 'number') return number;
  if (type === 'boolean') return values === 'untyped' ? text.map((s) => `t${s}`) : fc.boolean();
  // untyped formats read a number-like text as a number: keep strings from looking like one
  return values === 'untyped' ? text.map((s) => `s${s}`) : nonEmpty ? text.map((s) => `s${s}`) : text;
}

function attributes(c: Carries, names: readonly string[]): fc.Arbitrary<Record<string, unknown> | undefined> {
  const allowed = names.filter((n) => !c.reserved?.includes(n));
  const entries = fc
    .subarray(allowed)
    .chain((picked) =>
      fc.tuple(...picked.map((n) => valueFor(n, c.values, c.emptyStrings === false).map((v) => [n, v] as const))),
    );
  return entries.map((pairs) => (pairs.length ? Object.fromEntries(pairs) : undefined));
}

/** A random graph that format `c` can write and read back exactly. */
export function graphFor(c: Carries, size = { nodes: 8, edges: 10 }): fc.Arbitrary<GraphologyJson> {
  const nodeNames = c.values === 'numbers' ? [] : Object.keys(NAMES);
  const edgeNames = c.values === 'numbers' ? ['weight', 'cost'] : Object.keys(NAMES);
  return fc
    .record({
      type: fc.constantFrom(...c.types),
      keys: fc.uniqueArray(key, { minLength: 1, maxLength: size.nodes }),
    })
    .chain(({ type, keys }) =>
      fc.record({
        type: fc.constant(type),
        nodes: fc.tuple(
          ...keys.map((k) =>
            (c.nodeAttributes ? attributes(c, nodeNames) : fc.constant(undefined)).map((a) =>
              a ? { key: k, attributes: a } : { key: k },
            ),
          ),
        ),
        edges: fc.array(
          fc.record({
            source: fc.constantFrom(...keys),
            target: fc.constantFrom(...keys),
            undirected: fc.boolean(),
            attributes: attributes(c, edgeNames),
          }),
          { maxLength: size.edges },
        ),
      }),
    )
    .filter(
      ({ nodes, edges }) =>
        c.isolated || nodes.every((n) => edges.some((e) => e.source === n.key || e.target === n.key)),
    )
    .map(({ type, nodes, edges }) => ({
      options: { type, multi: true, allowSelfLoops: true },
      nodes,
      edges: edges.map((e, i) => ({
        key: `e${i}`,
        source: e.source,
        target: e.target,
        ...(type === 'mixed' ? { undirected: e.undirected } : {}),
        ...(e.attributes ? { attributes: e.attributes } : {}),
      })),
    }));
}

/**
 * The type a graph reads back as from a format that has no word for "mixed" (GraphML, GEXF): mixed
 * only when its edges are of both kinds, else the one kind there is (`none`: the type with no edges).
 */
export function typeFromEdges(
  g: GraphologyJson,
  none: 'directed' | 'undirected',
  allDirected: 'directed' | 'mixed',
): GraphologyJson {
  if (g.options?.type !== 'mixed') return g;
  const kinds = new Set(g.edges.map((e) => (e.undirected ? 'undirected' : 'directed')));
  const type =
    kinds.size === 2 ? 'mixed' : kinds.has('undirected') ? 'undirected' : kinds.size === 0 ? none : allDirected;
  return {
    ...g,
    options: { ...g.options, type },
    edges: g.edges.map(({ undirected: _u, ...e }) => (type === 'mixed' ? { ...e, undirected: _u } : e)),
  };
}

/** A graph as a comparable value: nodes by key, edges in order, keys only when the format keeps them. */
export function comparable(g: GraphologyJson, edgeKeys: boolean): unknown {
  const sortKeys = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, sortKeys(x)]),
        )
      : Array.isArray(v)
        ? v.map(sortKeys)
        : v;
  return JSON.parse(
    JSON.stringify({
      type: g.options?.type,
      nodes: [...g.nodes].sort((a, b) => (a.key < b.key ? -1 : 1)).map((n) => [n.key, sortKeys(n.attributes ?? {})]),
      edges: g.edges.map((e) => [
        edgeKeys ? e.key : '',
        e.source,
        e.target,
        g.options?.type === 'mixed' ? e.undirected === true : '',
        sortKeys(e.attributes ?? {}),
      ]),
    }),
  );
}
