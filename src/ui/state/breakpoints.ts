// Breakpoints as part of the work: pure functions over an immutable list, applied by the store.
import type { BreakpointLine } from '../../tracer/breakpointHits';

/** A breakpoint as saved with the work and carried in links. */
export interface Breakpoint {
  /** The file it is in. */
  file: string;
  /** 1-based line, as the code is now. */
  line: number;
  /** A condition in the script's own terms (`dist.get(node) > 5`); absent: always stops. */
  condition?: string;
}

/** A breakpoint on screen: where it is now, and where it was when the shown trace was recorded. */
export interface BreakpointMark extends Breakpoint {
  /** Its line in the code the trace ran, when it existed then; an edit moves `line`, not this. */
  ranLine?: number;
}

/** Breakpoints a playground may hold. */
export const MAX_BREAKPOINTS = 200;

const NONE: readonly BreakpointMark[] = [];

/** Sets a breakpoint on a line, or clears the one that is there. */
export function toggleBreakpoint(
  list: readonly BreakpointMark[],
  file: string,
  line: number,
  stale: boolean,
): readonly BreakpointMark[] {
  const at = list.findIndex((b) => b.file === file && b.line === line);
  if (at >= 0) return list.filter((_, i) => i !== at);
  if (list.length >= MAX_BREAKPOINTS) return list;
  // set on a trace that still matches the code, it can be looked for in it at once
  return [...list, stale ? { file, line } : { file, line, ranLine: line }];
}

/**
 * The file's breakpoints moved with an edit (`lines` in the order they appear in `list`); two that
 * an edit put on one line become one. Their `ranLine` stays: the trace on screen was recorded
 * before the edit.
 */
export function moveBreakpoints(
  list: readonly BreakpointMark[],
  file: string,
  lines: readonly number[],
): readonly BreakpointMark[] {
  let k = 0;
  let changed = false;
  const seen = new Set<number>();
  const out: BreakpointMark[] = [];
  for (const b of list) {
    if (b.file !== file) {
      out.push(b);
      continue;
    }
    const line = lines[k++] ?? b.line;
    if (seen.has(line)) {
      changed = true;
      continue;
    }
    seen.add(line);
    if (line !== b.line) changed = true;
    out.push(line === b.line ? b : { ...b, line });
  }
  return changed ? out : list;
}

/** Sets or clears (empty text) the condition of breakpoint `index`. */
export function withCondition(list: readonly BreakpointMark[], index: number, text: string): readonly BreakpointMark[] {
  return list.map((b, i) => {
    if (i !== index) return b;
    const { condition: _old, ...rest } = b;
    return text.trim() === '' ? rest : { ...rest, condition: text };
  });
}

/**
 * The breakpoints that still fit a file's new text (or its removal, `text` undefined): none past
 * its last line, none in a file that is gone, so the work always saves as a valid doc.
 */
export function fitBreakpoints(
  list: readonly BreakpointMark[],
  file: string,
  text: string | undefined,
): readonly BreakpointMark[] {
  if (!list.some((b) => b.file === file)) return list;
  if (text === undefined) return list.filter((b) => b.file !== file);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return list.some((b) => b.file === file && b.line > lines)
    ? list.filter((b) => b.file !== file || b.line <= lines)
    : list;
}

/** After a run: every breakpoint's line is where the new trace has it. */
export function ranAsTheyAre(list: readonly BreakpointMark[]): readonly BreakpointMark[] {
  return list.length === 0 ? NONE : list.map((b) => (b.ranLine === b.line ? b : { ...b, ranLine: b.line }));
}

/** Loaded with a doc: positions in the code as it is; nothing known about a trace yet. */
export function marksOf(list: readonly Breakpoint[] | undefined): readonly BreakpointMark[] {
  return list && list.length > 0
    ? list.map(({ file, line, condition }) => (condition ? { file, line, condition } : { file, line }))
    : NONE;
}

const forms = new WeakMap<readonly BreakpointMark[], readonly Breakpoint[]>();

/** The saved form (without what belongs to the trace on screen); the same list gives the same array, as autosave compares by identity. */
export function savedForm(list: readonly BreakpointMark[]): readonly Breakpoint[] {
  let form = forms.get(list);
  if (!form)
    forms.set(
      list,
      (form = list.map(({ file, line, condition }) => (condition ? { file, line, condition } : { file, line }))),
    );
  return form;
}

/** What the finder looks for in the trace on screen: the breakpoints that existed when it was recorded. */
export function searchable(list: readonly BreakpointMark[]): Array<{ index: number; at: BreakpointLine }> {
  return list.flatMap((b, index) =>
    b.ranLine === undefined
      ? []
      : [
          {
            index,
            at: b.condition
              ? { file: b.file, line: b.ranLine, condition: b.condition }
              : { file: b.file, line: b.ranLine },
          },
        ],
  );
}

/** `main.ts:12` */
export const breakpointName = (b: Breakpoint): string => `${b.file}:${b.line}`;
