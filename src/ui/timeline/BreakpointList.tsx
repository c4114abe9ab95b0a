import { useSyncExternalStore } from 'react';
import { compileCondition } from '../../tracer/condition';
import { breakpointName, toggleBreakpoint, withCondition, type BreakpointMark } from '../state/breakpoints';
import type { Playback } from '../state/playback';
import type { PlaygroundStore } from '../state/store';
import { NextBreakpointIcon, PrevBreakpointIcon } from './icons';

/** Why a breakpoint's condition cannot be used, if it cannot: it does not compile, or it failed at a step. */
export function conditionError(b: BreakpointMark, searchError: string | undefined): string | undefined {
  if (!b.condition) return undefined;
  const c = compileCondition(b.condition);
  return c.ok ? searchError : c.error;
}

/** Previous / Next breakpoint (Shift+F8 / F8). */
export function BreakpointJumps({ playback, disabled }: { playback: Playback; disabled: boolean }) {
  return (
    <span className="timeline-buttons">
      <button
        type="button"
        onClick={() => playback.previousBreakpoint()}
        disabled={disabled}
        aria-label="Previous breakpoint"
        title="Previous breakpoint (Shift+F8)"
        aria-keyshortcuts="Shift+F8"
      >
        <PrevBreakpointIcon />
      </button>
      <button
        type="button"
        onClick={() => playback.nextBreakpoint()}
        disabled={disabled}
        aria-label="Next breakpoint"
        title="Next breakpoint (F8)"
        aria-keyshortcuts="F8"
      >
        <NextBreakpointIcon />
      </button>
    </span>
  );
}

/** The breakpoints as a list: each with its condition (typed in the script's terms) and a remove button. */
export function BreakpointList({ store, playback }: { store: PlaygroundStore; playback: Playback }) {
  const { breakpoints, stale } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { errors } = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  if (breakpoints.length === 0)
    return <p className="breakpoints-empty">Click beside a line number (or press F9 there) to set a breakpoint.</p>;
  return (
    <ul className="breakpoints" aria-label="Breakpoints">
      {breakpoints.map((b, i) => {
        const name = breakpointName(b);
        const error = conditionError(b, errors[i]);
        const errorId = `bp-error-${i}`;
        const commit = (text: string): void => {
          if (text !== (b.condition ?? ''))
            store.setBreakpoints(withCondition(store.getSnapshot().breakpoints, i, text));
        };
        return (
          <li key={`${name}:${b.condition ?? ''}`} className={error ? 'has-error' : undefined}>
            <span className="bp-name">
              {name}
              {b.ranLine === undefined && stale ? <span className="bp-pending"> (Run to use)</span> : null}
            </span>
            <input
              type="text"
              className="bp-condition"
              defaultValue={b.condition ?? ''}
              placeholder="condition, e.g. dist.get(node) > 5"
              aria-label={`Condition of breakpoint ${name}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              maxLength={500}
              spellCheck={false}
              onBlur={(e) => commit(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit(e.currentTarget.value);
              }}
            />
            {error && (
              <span className="bp-error" id={errorId}>
                {error}
              </span>
            )}
            <button
              type="button"
              className="bp-remove"
              aria-label={`Remove breakpoint ${name}`}
              title="Remove breakpoint"
              onClick={() =>
                store.setBreakpoints(toggleBreakpoint(store.getSnapshot().breakpoints, b.file, b.line, stale))
              }
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
