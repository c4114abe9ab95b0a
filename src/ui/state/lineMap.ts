import { diffLines } from 'diff';

/**
 * Where each line of `before` is in `after` (1-based; 0 when the line was changed or removed), by
 * jsdiff's line diff: a line typed above another moves it down, a line edited in place is gone.
 * `map[n]` is line n's new number; `map[0]` is unused.
 */
export function lineMapOf(before: string, after: string): Int32Array {
  const map = new Int32Array(countLines(before) + 1);
  let oldLine = 1;
  let newLine = 1;
  // every line ends in a newline, so the last one compares equal to the same text further up
  for (const part of diffLines(`${before}\n`, `${after}\n`)) {
    const n = part.count;
    if (part.added) newLine += n;
    else if (part.removed) oldLine += n;
    else for (let i = 0; i < n; i++) map[oldLine++] = newLine++;
  }
  return map;
}

const countLines = (text: string): number => text.split('\n').length;

let last: { before: string; after: string; map: Int32Array } | undefined;

/** Line `line` of `before` in `after`, or undefined when it no longer matches (the last map is kept). */
export function mapLine(before: string | undefined, after: string | undefined, line: number): number | undefined {
  if (before === undefined || after === undefined) return undefined;
  if (before === after) return line;
  if (last?.before !== before || last.after !== after) last = { before, after, map: lineMapOf(before, after) };
  const mapped = last.map[line] ?? 0;
  return mapped > 0 ? mapped : undefined;
}
