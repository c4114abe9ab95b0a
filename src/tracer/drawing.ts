import type { TraceValue } from '../protocol/trace';
import type { VariableAt } from './reader';
import { badgeValue } from './badgeText';

/** A variable's colour on one element. */
export interface Paint {
  /** CSS colour. */
  color: string;
  /** The variable that gives it. */
  variable: string;
}

/** A node filled from a variable (T-VIEW7): a colour it names, or a category it is in. */
export interface Fill extends Paint {
  /** The value that chose the colour, as the legend shows it (`0`, `red`). */
  value: string;
}

/** An edge drawn as part of a tree or an edge list (T-VIEW8). */
export interface TreeEdge extends Paint {
  /** Which end the tree grows towards: `target` when the edge runs parent → child as stored. */
  towards: 'source' | 'target' | 'none';
}

/** What a step's variables draw beyond highlights and badges. */
export interface Drawing {
  /** Node key → its fill. */
  fills: Map<string, Fill>;
  /** Edge key → the tree or edge list it belongs to. */
  tree: Map<string, TreeEdge>;
}

/** The edge joining two nodes, either way round, and whether it runs a → b. */
export type EdgeFinder = (a: string, b: string) => { key: string; forward: boolean } | undefined;

/** An EdgeFinder over a list of edges (the first edge between two nodes wins). */
export function edgeFinder(edges: Iterable<{ key?: string; source: string; target: string }>): EdgeFinder {
  const byEnds = new Map<string, string>();
  for (const e of edges) {
    const pair = `${e.source}\u0000${e.target}`;
    if (e.key !== undefined && !byEnds.has(pair)) byEnds.set(pair, e.key);
  }
  return (a, b) => {
    const forward = byEnds.get(`${a}\u0000${b}`);
    if (forward !== undefined) return { key: forward, forward: true };
    const back = byEnds.get(`${b}\u0000${a}`);
    return back === undefined ? undefined : { key: back, forward: false };
  };
}

/** Fill colours for categories 0, 1, 2…: light, so a node's key and its highlight stay readable. */
const CATEGORY = ['#F5B38F', '#8EC3E6', '#97D8B9', '#F7D67A', '#E3A9CD', '#B8A6E8', '#D4E589', '#C9C9C9'];

/** The fill of category `n`: fixed per index, distinct hues past the list. */
export function categoryColor(n: number): string {
  if (n < CATEGORY.length) return CATEGORY[n] as string;
  return `hsl(${Math.round(((n - CATEGORY.length) * 137.508) % 360)}, 65%, 78%)`;
}

/** Names of variables whose small integers are categories, not quantities (`dist` stays a badge). */
const CATEGORY_NAME = /colou?r|group|comp|class|communit|cluster|part|side|team|layer|level|scc|label/i;
/** Colour words a script is likely to use (a node key like `Paris` is not one). */
const COLOR_WORDS = new Set(
  'red green blue yellow orange purple pink brown black white gray grey cyan magenta teal navy olive maroon lime gold silver violet indigo coral salmon crimson turquoise'.split(
    ' ',
  ),
);

/** A colour a value may name: #hex, rgb()/hsl(), or one of the common colour words. */
const isColor = (v: TraceValue): v is string =>
  typeof v === 'string' &&
  (/^#[0-9a-f]{3,8}$/i.test(v) || /^(rgb|hsl)a?\([\d\s.,%/-]{1,40}\)$/i.test(v) || COLOR_WORDS.has(v.toLowerCase()));

function entriesOf(v: TraceValue): Array<[TraceValue, TraceValue]> | undefined {
  if (!v || typeof v !== 'object') return undefined;
  if (v.$ === 'map') return v.entries;
  if (v.$ === 'object') return v.entries;
  return undefined;
}

const isSmallInt = (x: TraceValue): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 64;

/**
 * What variables draw beyond highlights and badges (T-VIEW7, T-VIEW8): a map from nodes to colours
 * fills them in those colours; a map from nodes to small integers named like a category (`colour`,
 * `component`, `group`…) or a list of node lists (components) fills them by category; a map from
 * nodes to nodes (`previous`, `parent`) draws the edges between each node and its parent as a
 * tree, and a map from nodes to edge keys (`via`) those edges; a list of [a, b] node pairs draws
 * those edges. The first variable to paint an element wins.
 */
export function drawingOf(
  vars: readonly VariableAt[],
  nodes: ReadonlySet<string>,
  edgeKeys: ReadonlySet<string>,
  findEdge: EdgeFinder,
  colors: ReadonlyMap<string, string>,
): Drawing {
  const fills: Drawing['fills'] = new Map();
  const tree: Drawing['tree'] = new Map();
  const fill = (node: string, f: Fill): void => {
    if (!fills.has(node)) fills.set(node, f);
  };
  const paintEdge = (key: string, e: TreeEdge): void => {
    if (!tree.has(key)) tree.set(key, e);
  };
  for (const v of vars) {
    const color = colors.get(v.name) ?? '#888888';
    const entries = entriesOf(v.value)?.filter(([k]) => typeof k === 'string' && nodes.has(k));
    if (entries && entries.length > 0) {
      const values = entries.map(([, x]) => x);
      if (values.every((x) => typeof x === 'string' && nodes.has(x))) {
        for (const [child, parent] of entries as Array<[string, string]>) {
          const edge = child === parent ? undefined : findEdge(parent, child);
          if (edge) paintEdge(edge.key, { color, variable: v.name, towards: edge.forward ? 'target' : 'source' });
        }
      } else if (values.every((x) => typeof x === 'string' && edgeKeys.has(x))) {
        for (const key of values as string[]) paintEdge(key, { color, variable: v.name, towards: 'none' });
      } else if (values.every(isColor)) {
        for (const [node, c] of entries as Array<[string, string]>)
          fill(node, { color: c, variable: v.name, value: c });
      } else if (CATEGORY_NAME.test(v.name) && values.every(isSmallInt)) {
        for (const [node, n] of entries as Array<[string, number]>)
          fill(node, { color: categoryColor(n), variable: v.name, value: badgeValue(n) });
      }
      continue;
    }
    if (!v.value || typeof v.value !== 'object' || v.value.$ !== 'array' || v.value.items.length === 0) continue;
    const lists = v.value.items.map((x) => (x && typeof x === 'object' && x.$ === 'array' ? x.items : undefined));
    if (
      !lists.every((l): l is TraceValue[] => l !== undefined && l.every((x) => typeof x === 'string' && nodes.has(x)))
    )
      continue;
    const pairs =
      lists.every((l) => l.length === 2) && lists.some((l) => l[0] !== l[1] && findEdge(String(l[0]), String(l[1])));
    lists.forEach((list, i) => {
      if (pairs) {
        const edge = findEdge(String(list[0]), String(list[1]));
        if (edge) paintEdge(edge.key, { color, variable: v.name, towards: edge.forward ? 'target' : 'source' });
      } else
        for (const node of list as string[])
          fill(node, { color: categoryColor(i), variable: v.name, value: String(i) });
    });
  }
  return { fills, tree };
}
