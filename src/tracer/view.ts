import type { TraceValue } from '../protocol/trace';
import { formatValue } from './format';
import { badgeValue } from './badgeText';
import type { Drawing } from './drawing';
import type { VariableAt } from './reader';
import type { GraphState } from './graphState';

/** What the graph shows at a step: from variable values, then from the script's graph operations. */
export interface StepView {
  /** Element (node or edge) key → colours of the variables naming it, in variable order. */
  highlights: Map<string, Array<{ color: string; variable: string }>>;
  /** Element key → badge text from maps and objects keyed by it (and `trace.label`). */
  badges: Map<string, string>;
  /** Element key → the badge's values in full, one line per variable, for the hover text. */
  badgeFull?: Map<string, string>;
  /** Fills and tree edges the variables draw (`drawing.ts`). */
  drawing?: Drawing;
  /** How the script changed the graph so far, when it did. */
  structure?: GraphState;
}

function nodeKeysIn(v: TraceValue, nodes: ReadonlySet<string>): string[] {
  if (typeof v === 'string') return nodes.has(v) ? [v] : [];
  if (v && typeof v === 'object' && (v.$ === 'array' || v.$ === 'set')) {
    return v.items.filter((x): x is string => typeof x === 'string' && nodes.has(x));
  }
  return [];
}

function keyedByNode(v: TraceValue, nodes: ReadonlySet<string>): Array<[string, TraceValue]> {
  if (!v || typeof v !== 'object') return [];
  const pairs: Array<[TraceValue, TraceValue]> = v.$ === 'map' ? v.entries : v.$ === 'object' ? v.entries : [];
  const out: Array<[string, TraceValue]> = [];
  for (const [k, x] of pairs) if (typeof k === 'string' && nodes.has(k)) out.push([k, x]);
  return out;
}

const isEmptyKeyed = (v: TraceValue): boolean =>
  v !== null && typeof v === 'object' && (v.$ === 'map' || v.$ === 'object') && v.size === 0;

/**
 * Maps variables to the graph (DESIGN.md): a node key highlights its node in the variable's
 * colour; an array or set of node keys highlights all of them; a map or object keyed by node
 * shows its values as badges (a `dist` map shows distances).
 */
export function viewOf(
  vars: readonly VariableAt[],
  nodes: ReadonlySet<string>,
  colors: ReadonlyMap<string, string>,
): StepView {
  const highlights: StepView['highlights'] = new Map();
  const badgeParts = new Map<string, string[]>();
  const fullParts = new Map<string, string[]>();
  const badgeVars = new Set<string>();
  for (const v of vars) {
    const color = colors.get(v.name) ?? '#888888';
    for (const key of nodeKeysIn(v.value, nodes)) {
      const list = highlights.get(key) ?? [];
      if (!list.some((h) => h.variable === v.name)) list.push({ color, variable: v.name });
      highlights.set(key, list);
    }
    const keyed = keyedByNode(v.value, nodes);
    // an empty map still counts: badges keep their names while a second map fills up
    if (keyed.length > 0 || isEmptyKeyed(v.value)) badgeVars.add(v.name);
    for (const [key, x] of keyed) {
      const parts = badgeParts.get(key) ?? [];
      parts.push(`${v.name}\u0000${badgeValue(x)}`);
      badgeParts.set(key, parts);
      const full = fullParts.get(key) ?? [];
      full.push(`${v.name} = ${formatValue(x, true)}`);
      fullParts.set(key, full);
    }
  }
  const badges = new Map<string, string>();
  const named = badgeVars.size > 1;
  for (const [key, parts] of badgeParts) {
    badges.set(key, parts.map((p) => (named ? p.replace('\u0000', '=') : p.slice(p.indexOf('\u0000') + 1))).join('\n'));
  }
  const badgeFull = new Map([...fullParts].map(([key, lines]) => [key, lines.join('\n')]));
  return { highlights, badges, badgeFull };
}

/**
 * Adds the script's own annotations to a step's view: `trace.highlight` as one more colour on the
 * element (named `trace`; the accent colour when none was given), `trace.label` after the badge.
 */
export function annotate(view: StepView, state: GraphState, accent: string): StepView {
  const highlights = new Map(view.highlights);
  for (const [el, color] of state.highlights) {
    highlights.set(el, [...(highlights.get(el) ?? []), { color: color || accent, variable: 'trace' }]);
  }
  const badges = new Map(view.badges);
  const badgeFull = new Map(view.badgeFull);
  for (const [node, text] of state.labels) {
    const b = badges.get(node);
    badges.set(node, b ? `${b} ${text}` : text);
    const full = badgeFull.get(node);
    badgeFull.set(node, full ? `${full}\ntrace.label = ${text}` : `trace.label = ${text}`);
  }
  return { ...view, highlights, badges, badgeFull, structure: state };
}
