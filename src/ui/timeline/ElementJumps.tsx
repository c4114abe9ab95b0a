import { useSyncExternalStore } from 'react';
import type { Playback } from '../state/playback';
import type { PlaygroundStore } from '../state/store';
import { jumpToTouch } from '../state/elementSteps';

/**
 * With a node or edge selected in the graph and a trace on screen: the previous / next step that
 * touched it (a graph operation on it, a variable or collection taking or dropping its key).
 * `,` / `.` press them from anywhere outside a text field (`useShortcuts`).
 */
export function ElementJumps({ store, playback }: { store: PlaygroundStore; playback: Playback }) {
  const { reader, selection } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const key = selection[selection.length - 1];
  if (!reader || reader.length === 0 || key === undefined) return null;
  return (
    <span className="timeline-buttons element-jumps">
      <button
        type="button"
        onClick={() => jumpToTouch(store, playback, key, -1)}
        aria-label={`Previous step touching ${key}`}
        title={`Previous step touching ${key} (,)`}
        aria-keyshortcuts=","
      >
        ‹ {key}
      </button>
      <button
        type="button"
        onClick={() => jumpToTouch(store, playback, key, 1)}
        aria-label={`Next step touching ${key}`}
        title={`Next step touching ${key} (.)`}
        aria-keyshortcuts="."
      >
        {key} ›
      </button>
    </span>
  );
}
