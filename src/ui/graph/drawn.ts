// What a graph's own attributes draw: an edge's weight (or label) as its label, a node's label and
// colour. Pure, so the same rules serve the doc's graph (toElements) and a script's changes (applyStructure).

/** A value as short text on the canvas: numbers rounded to 4 significant digits, `∞` for Infinity. */
export function shortValue(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
    return Number.isInteger(v) || Math.abs(v) >= 1e4
      ? String(Math.round(v * 1e4) / 1e4)
      : String(Number(v.toPrecision(4)));
  }
  if (typeof v === 'string') return v.length > 24 ? `${v.slice(0, 23)}…` : v;
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** The attributes an edge draws as its label, first found wins. */
export const EDGE_LABEL_ATTRIBUTES = ['label', 'weight', 'capacity'] as const;

/** An edge's label: its `label`, else its `weight`, else its `capacity`; '' when it has none. */
export function edgeLabel(attrs: Readonly<Record<string, unknown>> | undefined): string {
  for (const name of EDGE_LABEL_ATTRIBUTES) {
    const text = shortValue(attrs?.[name]);
    if (text !== '') return text;
  }
  return '';
}

/** A node's label: its `label` attribute, else its key. */
export function nodeLabel(key: string, attrs: Readonly<Record<string, unknown>> | undefined): string {
  return shortValue(attrs?.label) || key;
}

/** A CSS colour an element's `color` attribute names, or ''. */
export function colorOf(attrs: Readonly<Record<string, unknown>> | undefined): string {
  const c = attrs?.color;
  // a colour name, #hex, rgb()/hsl(): anything else (an object, a long string) is not drawn
  return typeof c === 'string' && /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/-]{1,40}\))$/i.test(c.trim())
    ? c.trim()
    : '';
}
