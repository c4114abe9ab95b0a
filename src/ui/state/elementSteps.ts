import { ElementTouches } from '../../tracer/elementTouches';
import type { TraceReader } from '../../tracer/reader';
import type { Playback } from './playback';
import type { PlaygroundStore } from './store';

/** One index of the steps touching each element per trace, built the first time it is asked. */
const indexes = new WeakMap<TraceReader, ElementTouches>();

/** The trace's element index. */
export function elementTouchesOf(reader: TraceReader): ElementTouches {
  let index = indexes.get(reader);
  if (!index) indexes.set(reader, (index = new ElementTouches(reader.trace)));
  return index;
}

/**
 * Shows the next (dir 1) or previous (dir -1) step that touches a graph element (T-TOUCH1); where
 * there is none the step stays and the timeline says so. Playing stops either way.
 */
export function jumpToTouch(store: PlaygroundStore, playback: Playback, key: string, dir: 1 | -1): void {
  const { reader, step } = store.getSnapshot();
  if (!reader || reader.length === 0) return;
  const index = elementTouchesOf(reader);
  const found = dir > 0 ? index.next(key, step) : index.previous(key, step);
  if (found < 0) {
    playback.pause({ step, text: `No step ${dir > 0 ? 'after' : 'before'} this one touches ${key}` });
    return;
  }
  store.seek(found);
  playback.pause({ step: found, text: `Step ${found + 1} touches ${key}` });
}
