import type { Playback } from './playback';
import type { PlaygroundStore } from './store';
import { lineIndexOf } from './breakpointSearch';

/**
 * Run to this line (dir 1) or back to it (dir -1): shows the next / previous step after the one on
 * screen that runs `file:line`, found by one binary search in the trace's line index (T-LINE1).
 * Where the line does not run, the step stays and the timeline says so. Playing stops either way.
 */
export function runToLine(store: PlaygroundStore, playback: Playback, file: string, line: number, dir: 1 | -1): void {
  const { reader, step, stale } = store.getSnapshot();
  if (!reader || reader.length === 0) {
    playback.pause({ step, text: 'Run the script first, then run to a line' });
    return;
  }
  const index = lineIndexOf(reader);
  const found = dir > 0 ? index.next(file, line, step) : index.previous(file, line, step);
  const since = stale ? ' (the trace is from before your edit: Run to update)' : '';
  if (found < 0) {
    const when = dir > 0 ? 'after' : 'before';
    playback.pause({ step, text: `Line ${line} does not run ${when} this step${since}` });
    return;
  }
  store.seek(found);
  playback.pause({ step: found, text: `${dir > 0 ? 'Ran' : 'Back'} to line ${line}${since}` });
}
