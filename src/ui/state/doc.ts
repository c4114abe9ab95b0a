import type { GraphologyJson } from '../../protocol/graph';
import type { RunSettings } from '../../protocol/run';
import type { Breakpoint } from './breakpoints';

/** Layouts the graph view can apply; `preset` draws the saved positions. */
export const LAYOUTS = ['preset', 'circle', 'grid', 'concentric', 'breadthfirst', 'cose'] as const;
/** One of {@link LAYOUTS}. */
export type LayoutName = (typeof LAYOUTS)[number];

/**
 * The user's work: what a share link, an exported file and the autosave hold. Everything else in
 * the page (the trace, the selection) is derived or transient.
 */
export interface PlaygroundDoc {
  /** Source files by name. */
  files: Readonly<Record<string, string>>;
  /** The file the editor shows and `Run` starts. */
  mainFile: string;
  /** The graph, with `x`/`y` node attributes as positions. */
  graph: GraphologyJson;
  /** Seed and limits. */
  settings: RunSettings;
  /** The layout last chosen in the graph view. */
  layout: LayoutName;
  /** The step on screen (0-based). */
  step: number;
  /** Breakpoints, when there are any. */
  breakpoints?: readonly Breakpoint[];
}

/** True when two docs hold the same work; the step on screen is not work. */
export function sameWork(a: PlaygroundDoc, b: PlaygroundDoc): boolean {
  return (
    a.mainFile === b.mainFile &&
    a.layout === b.layout &&
    canonical(a.files) === canonical(b.files) &&
    canonical(a.graph) === canonical(b.graph) &&
    canonical(a.settings) === canonical(b.settings) &&
    canonical(a.breakpoints ?? []) === canonical(b.breakpoints ?? [])
  );
}

/** JSON text with every object's keys sorted: the same data read back from storage compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** A short name for a piece of work: its first non-empty comment or code line. */
export function titleOf(doc: PlaygroundDoc): string {
  const text = doc.files[doc.mainFile] ?? '';
  const line = text.split('\n').find((l) => l.trim().length > 0) ?? doc.mainFile;
  const clean = line.replace(/^\s*(\/\/+|\/\*+|\*)\s*/, '').trim();
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean || doc.mainFile;
}
