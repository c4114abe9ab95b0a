import type { PlaygroundStore } from '../state/store';
import { BackIcon, FirstIcon, ForwardIcon, LastIcon } from './icons';

/** Props of the timeline. */
export interface TimelineProps {
  /** The store to move. */
  store: PlaygroundStore;
  /** Current step index. */
  step: number;
  /** Number of steps (0 before a run). */
  total: number;
  /** Where the step is, for the caption. */
  caption: string;
}

/** Slider, step buttons and the `n / N` counter, as a region named "Timeline". */
export function Timeline({ store, step, total, caption }: TimelineProps) {
  const empty = total === 0;
  const atStart = empty || step <= 0;
  const atEnd = empty || step >= total - 1;
  return (
    <section className="panel timeline" role="region" aria-label="Timeline">
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
      <output className="timeline-counter" aria-label="Step counter">
        {empty ? '0 / 0' : `${step + 1} / ${total}`}
      </output>
      <span className="timeline-caption">{caption}</span>
    </section>
  );
}
