import { useEffect } from 'react';
import type { PlaygroundStore } from '../state/store';

const inEditor = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.closest('.monaco-editor') !== null || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');

/** Keyboard: Ctrl/Cmd+Enter runs, Escape stops; outside the editor, arrows step and Home/End jump. */
export function useShortcuts(store: PlaygroundStore): void {
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
      if (inEditor(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      const moves: Record<string, () => void> = {
        ArrowRight: () => store.move(1),
        ArrowLeft: () => store.move(-1),
        Home: () => store.seek(0),
        End: () => store.seek(Number.MAX_SAFE_INTEGER),
      };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        move();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
