import type { StepView } from '../../tracer/view';

/** One line of the legend: a colour and what it stands for. */
export interface LegendEntry {
  /** CSS colour of the swatch. */
  color: string;
  /** The variable, and for a fill its value (`colour 1`). */
  label: string;
  /** How the colour is drawn: a node ring, a filled node, an edge, a tree edge. */
  kind: 'node' | 'fill' | 'edge' | 'tree';
}

/** At most this many lines: past it, the legend would hide the graph. */
export const LEGEND_MAX = 12;

/** The colours on the graph at a step, each once, in the order the variables come. */
export function legendOf(view: StepView, edgeKeys: { has(key: string): boolean }): LegendEntry[] {
  const out = new Map<string, LegendEntry>();
  const add = (e: LegendEntry): void => {
    const key = `${e.kind}\u0000${e.label}\u0000${e.color}`;
    if (!out.has(key) && out.size < LEGEND_MAX) out.set(key, e);
  };
  for (const [key, list] of view.highlights) {
    const kind = edgeKeys.has(key) ? 'edge' : 'node';
    for (const h of list) add({ color: h.color, label: h.variable, kind });
  }
  for (const t of view.drawing?.tree.values() ?? []) add({ color: t.color, label: t.variable, kind: 'tree' });
  // a fill's categories in order (`colour 0`, `colour 1`…), the variables in the order they come
  const fills = new Map<string, Array<{ color: string; value: string }>>();
  for (const f of view.drawing?.fills.values() ?? []) fills.set(f.variable, [...(fills.get(f.variable) ?? []), f]);
  for (const [variable, list] of fills) {
    list.sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true }));
    for (const f of list) add({ color: f.color, label: `${variable} ${f.value}`, kind: 'fill' });
  }
  return [...out.values()];
}
