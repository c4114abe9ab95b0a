import { useEffect } from 'react';
import type { Playback } from '../state/playback';
import type { PlaygroundStore } from '../state/store';
import { jumpToTouch } from '../state/elementSteps';

const inEditor = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.closest('.monaco-editor') !== null || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

/** A control that Space presses by itself: Space there is not Play. */
const pressesSpace = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.tagName === 'BUTTON' || t.tagName === 'A' || t.tagName === 'SUMMARY');

/**
 * Keyboard: Ctrl/Cmd+Enter runs, Escape stops; outside the editor, arrows step, Home/End jump,
 * Space plays or pauses, F8 / Shift+F8 jump to the next / previous breakpoint, `.` / `,` to the
 * next / previous step touching the selected node or edge.
 */
export function useShortcuts(store: PlaygroundStore, playback: Playback): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        if (store.getSnapshot().status === 'idle') void store.run();
        return;
      }
      if (e.key === 'Escape' && store.getSnapshot().status === 'running') {
        store.stop();
        return;
      }
      // the step slider has no use for Space: there it plays, as it does on the page
      const onSlider = e.target instanceof HTMLInputElement && e.target.type === 'range';
      if (e.key === ' ' && onSlider && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        playback.toggle();
        return;
      }
      if (inEditor(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const moves: Record<string, () => void> = {
        ArrowRight: () => store.move(1),
        ArrowLeft: () => store.move(-1),
        Home: () => store.seek(0),
        End: () => store.seek(Number.MAX_SAFE_INTEGER),
        F8: () => (e.shiftKey ? playback.previousBreakpoint() : playback.nextBreakpoint()),
      };
      const selected = store.getSnapshot().selection.at(-1);
      if (selected !== undefined) {
        moves['.'] = () => jumpToTouch(store, playback, selected, 1);
        moves[','] = () => jumpToTouch(store, playback, selected, -1);
      }
      if (e.key === ' ' && !pressesSpace(e.target)) moves[' '] = () => playback.toggle();
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        move();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, playback]);
}
