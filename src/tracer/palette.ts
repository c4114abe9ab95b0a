/**
 * Okabe–Ito colours (vermillion, blue, bluish green, orange, reddish purple, sky blue, yellow):
 * told apart by people with the common colour-vision deficiencies. Past the end, hues step by the
 * golden angle, so every index still gets one fixed colour.
 */
export const PALETTE = ['#D55E00', '#0072B2', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** The colour of the n-th variable (from 0). */
export function colorAt(n: number): string {
  if (n < PALETTE.length) return PALETTE[n] as string;
  const hue = Math.round(((n - PALETTE.length) * 137.508) % 360);
  return `hsl(${hue}, 70%, 45%)`;
}

/** Colours by variable name, in order of first declaration, so a name keeps its colour in every step. */
export function colorsByName(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) if (!out.has(n)) out.set(n, colorAt(out.size));
  return out;
}
