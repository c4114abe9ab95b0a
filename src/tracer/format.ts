import type { TraceValue } from '../protocol/trace';

/** One-line text of a recorded value, as a console would print it. */
export function formatValue(v: TraceValue, top = true): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return top ? v : JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  const more = (shown: number, size: number): string[] => (size > shown ? [`… ${size - shown} more`] : []);
  switch (v.$) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return v.v;
    case 'bigint':
      return `${v.v}n`;
    case 'symbol':
      return `Symbol(${v.v})`;
    case 'function':
      return `[Function ${v.name}]`;
    case 'array':
      return `[${[...v.items.map((x) => formatValue(x, false)), ...more(v.items.length, v.size)].join(', ')}]`;
    case 'set':
      return `Set(${v.size}) {${[...v.items.map((x) => formatValue(x, false)), ...more(v.items.length, v.size)].join(', ')}}`;
    case 'map':
      return `Map(${v.size}) {${[...v.entries.map(([k, x]) => `${formatValue(k, false)} => ${formatValue(x, false)}`), ...more(v.entries.length, v.size)].join(', ')}}`;
    case 'object': {
      const body = [
        ...v.entries.map(([k, x]) => `${k}: ${formatValue(x, false)}`),
        ...more(v.entries.length, v.size),
      ].join(', ');
      const prefix = v.cls === 'Object' ? '' : `${v.cls} `;
      return body ? `${prefix}{ ${body} }` : `${prefix}{}`;
    }
    case 'graph':
      return `Graph(${v.order} nodes, ${v.size} edges)`;
    case 'cycle':
      return '[Circular]';
    case 'deep':
      return '[…]';
  }
}

/** Short type label for the variables panel. */
export function typeOf(v: TraceValue): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  switch (v.$) {
    case 'array':
      return `Array(${v.size})`;
    case 'set':
      return `Set(${v.size})`;
    case 'map':
      return `Map(${v.size})`;
    case 'object':
      return v.cls;
    case 'graph':
      return 'Graph';
    default:
      return v.$;
  }
}
