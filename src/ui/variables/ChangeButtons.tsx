import type { VariableAt } from '../../tracer/reader';
import './variables.css';

/** How the panel finds a variable's changes in the trace on screen and goes there. */
export interface ChangeNavigation {
  /** The first step after the current one where the variable changes, or -1. */
  next: (v: VariableAt) => number;
  /** The last step before the current one where the variable changes, or -1. */
  previous: (v: VariableAt) => number;
  /** Shows a step. */
  seek: (step: number) => void;
}

/** A variable's `Previous change` and `Next change` buttons, disabled where there is none. */
export function ChangeButtons({ v, nav }: { v: VariableAt; nav: ChangeNavigation }) {
  const previous = nav.previous(v);
  const next = nav.next(v);
  return (
    <td className="changes">
      <button
        type="button"
        aria-label="Previous change"
        title={previous >= 0 ? `Previous change of ${v.name}: step ${previous + 1}` : `No earlier change of ${v.name}`}
        disabled={previous < 0}
        onClick={() => nav.seek(previous)}
      >
        ‹
      </button>
      <button
        type="button"
        aria-label="Next change"
        title={next >= 0 ? `Next change of ${v.name}: step ${next + 1}` : `No later change of ${v.name}`}
        disabled={next < 0}
        onClick={() => nav.seek(next)}
      >
        ›
      </button>
    </td>
  );
}
