import type { TraceValue } from '../protocol/trace';
import { formatValue } from './format';

/** Longest badge part, in characters: a badge is one short line per variable. */
export const BADGE_CHARS = 12;

const cut = (raw: string, max = BADGE_CHARS): string => {
  const text = raw.replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** A number as a badge shows it: 4 significant digits, integers whole (up to 10,000, then rounded). */
export function shortNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  if (Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-3)) return v.toExponential(2).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

/**
 * A recorded value as one short badge line (T-VIEW6): numbers rounded, `∞` for Infinity, long
 * strings and collections cut with `…`. The full value goes to the badge's hover text instead.
 */
export function badgeValue(v: TraceValue): string {
  if (typeof v === 'number') return shortNumber(v);
  if (typeof v === 'string') return cut(v);
  if (v && typeof v === 'object' && v.$ === 'number') {
    return { NaN: 'NaN', Infinity: '∞', '-Infinity': '-∞', '-0': '0' }[v.v];
  }
  if (v && typeof v === 'object' && (v.$ === 'array' || v.$ === 'set')) {
    const inner = v.items.map((x) => (typeof x === 'number' ? shortNumber(x) : badgeValue(x))).join(',');
    const body =
      inner.length > BADGE_CHARS - 2 || v.items.length < v.size ? `${inner.slice(0, BADGE_CHARS - 3)}…` : inner;
    return v.$ === 'array' ? `[${body}]` : `{${body}}`;
  }
  return cut(formatValue(v, true));
}
