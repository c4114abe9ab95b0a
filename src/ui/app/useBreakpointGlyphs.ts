import { useMemo, useSyncExternalStore } from 'react';
import type { BreakpointEvents, BreakpointGlyph } from '../editor/monaco';
import { moveBreakpoints, toggleBreakpoint } from '../state/breakpoints';
import type { Playback } from '../state/playback';
import type { PlaygroundStore } from '../state/store';
import { conditionError } from '../timeline/BreakpointList';
import { runToLine } from '../state/runToLine';

/** The editor's breakpoint glyphs (the one the step stopped at marked) and what its margin does. */
export function useBreakpointGlyphs(
  store: PlaygroundStore,
  playback: Playback,
): { glyphs: ReadonlyArray<BreakpointGlyph & { file: string }>; events: BreakpointEvents } {
  const { breakpoints, step } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { note, errors } = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  const hit = note && note.step === step ? note.breakpoint : undefined;
  const glyphs = useMemo(
    () =>
      breakpoints.map((b, i) => {
        const error = conditionError(b, errors[i]);
        const kind = error ? 'error' : i === hit ? 'hit' : b.condition ? 'conditional' : 'plain';
        const hover = error
          ? `Breakpoint if ${b.condition ?? ''} — ${error}`
          : b.condition
            ? `Breakpoint if ${b.condition}`
            : 'Breakpoint (click to clear)';
        return { file: b.file, line: b.line, kind, hover } as const;
      }),
    [breakpoints, errors, hit],
  );
  const events = useMemo<BreakpointEvents>(
    () => ({
      onToggle: (file, line) => {
        const { breakpoints: list, stale } = store.getSnapshot();
        store.setBreakpoints(toggleBreakpoint(list, file, line, stale));
      },
      onMoved: (file, lines) => store.setBreakpoints(moveBreakpoints(store.getSnapshot().breakpoints, file, lines)),
      onRunToLine: (file, line, dir) => runToLine(store, playback, file, line, dir),
    }),
    [store, playback],
  );
  return { glyphs, events };
}
