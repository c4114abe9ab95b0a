import { useSyncExternalStore } from 'react';
import type { Playback } from '../state/playback';
import type { PlaygroundStore } from '../state/store';
import { BreakpointJumps, BreakpointList } from './BreakpointList';
import { BackIcon, FirstIcon, ForwardIcon, LastIcon } from './icons';
import { PlayButton, SpeedControls } from './PlaybackControls';
import { TimelineMarks } from './TimelineMarks';
import { ElementJumps } from './ElementJumps';
import './timeline.css';

/** Props of the timeline. */
export interface TimelineProps {
  /** The store to move. */
  store: PlaygroundStore;
  /** Play, speed and breakpoint jumps. */
  playback: Playback;
  /** Current step index. */
  step: number;
  /** Number of steps (0 before a run). */
  total: number;
  /** Where the step is, for the caption. */
  caption: string;
  /** False in an embed: no breakpoints to set or list. */
  withBreakpoints?: boolean;
}

/** Slider, step buttons, Play, breakpoints and the `n / N` counter, as a region named "Timeline". */
export function Timeline({ store, playback, step, total, caption, withBreakpoints = true }: TimelineProps) {
  const { reader, breakpoints, stale } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { note } = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  const empty = total === 0;
  const atStart = empty || step <= 0;
  const atEnd = empty || step >= total - 1;
  const shownNote = note && note.step === step ? note.text : undefined;
  return (
    <section className="panel timeline" role="region" aria-label="Timeline">
      <div className="timeline-row">
        <div className="timeline-buttons">
          <button
            type="button"
            onClick={() => store.seek(0)}
            disabled={atStart}
            aria-label="First step"
            title="First step (Home)"
          >
            <FirstIcon />
          </button>
          <button
            type="button"
            onClick={() => store.move(-1)}
            disabled={atStart}
            aria-label="Step back"
            title="Step back (←)"
          >
            <BackIcon />
          </button>
          <PlayButton playback={playback} disabled={total < 2} />
          <button
            type="button"
            onClick={() => store.move(1)}
            disabled={atEnd}
            aria-label="Step forward"
            title="Step forward (→)"
          >
            <ForwardIcon />
          </button>
          <button
            type="button"
            onClick={() => store.seek(total - 1)}
            disabled={atEnd}
            aria-label="Last step"
            title="Last step (End)"
          >
            <LastIcon />
          </button>
        </div>
        {withBreakpoints && <BreakpointJumps playback={playback} disabled={empty} />}
        <div className="timeline-track">
          {withBreakpoints && <TimelineMarks reader={reader} breakpoints={breakpoints} />}
          <input
            className="timeline-slider"
            type="range"
            aria-label="Step"
            min={0}
            max={Math.max(0, total - 1)}
            value={empty ? 0 : step}
            disabled={empty}
            onChange={(e) => store.seek(Number(e.currentTarget.value))}
            aria-valuetext={empty ? 'no steps' : `step ${step + 1} of ${total}, ${caption}`}
          />
        </div>
        <output className="timeline-counter" aria-label="Step counter">
          {empty ? '0 / 0' : `${step + 1} / ${total}`}
        </output>
        <span className="timeline-caption">{caption}</span>
        {stale && !empty && <span className="timeline-stale">code changed — Run to update</span>}
      </div>
      <div className="timeline-row timeline-second">
        <SpeedControls playback={playback} />
        {withBreakpoints && <ElementJumps store={store} playback={playback} />}
        <span className="timeline-note" role="status">
          {shownNote}
        </span>
        {withBreakpoints && <BreakpointList store={store} playback={playback} />}
      </div>
    </section>
  );
}
