import { useSyncExternalStore } from 'react';
import { SPEEDS, type Playback, type SpeedId } from '../state/playback';
import { PauseIcon, PlayIcon } from './icons';

/** The Play/Pause button (Space). */
export function PlayButton({ playback, disabled }: { playback: Playback; disabled: boolean }) {
  const { playing } = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  return (
    <button
      type="button"
      className="play"
      onClick={() => playback.toggle()}
      disabled={disabled && !playing}
      aria-label={playing ? 'Pause' : 'Play'}
      title={playing ? 'Pause (Space)' : 'Play (Space)'}
      aria-keyshortcuts="Space"
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
    </button>
  );
}

/** Speed, and whether Play shows every step or only those that change the graph. */
export function SpeedControls({ playback }: { playback: Playback }) {
  const { speed, graphOnly } = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  return (
    <span className="speed">
      <select
        aria-label="Speed"
        title="Speed of Play"
        value={speed}
        onChange={(e) => playback.setSpeed(e.currentTarget.value as SpeedId)}
      >
        {SPEEDS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label className="graph-only" title="Play skips to the next step that changes the graph">
        <input type="checkbox" checked={graphOnly} onChange={(e) => playback.setGraphOnly(e.currentTarget.checked)} />
        Graph changes only
      </label>
    </span>
  );
}
