import type { ReactNode } from 'react';
import type { RunProgress } from '../../protocol/run';

/** Props of the toolbar. */
export interface ToolbarProps {
  /** Whether a run is in flight. */
  running: boolean;
  /** Progress of the run in flight. */
  progress: RunProgress | undefined;
  /** Starts a run. */
  onRun: () => void;
  /** Stops the run in flight. */
  onStop: () => void;
  /** One-line summary of the last run. */
  summary: string;
  /** Controls after the status: seed, work and Share. */
  children?: ReactNode;
  /** Controls right after Run and Stop: the sample pickers. */
  pickers?: ReactNode;
}

/** Title, Run and Stop, and the run's status. */
export function Toolbar({ running, progress, onRun, onStop, summary, children, pickers }: ToolbarProps) {
  return (
    <header className="toolbar">
      <h1>
        <img src="/favicon.svg" alt="" width={22} height={22} /> Stepgraph
      </h1>
      <button type="button" className="primary" onClick={onRun} disabled={running} title="Run (Ctrl+Enter)">
        Run
      </button>
      <button type="button" onClick={onStop} disabled={!running} title="Stop (Escape)">
        Stop
      </button>
      {pickers}
      <span className="status" role="status" aria-live="polite" aria-label="Run status">
        {running
          ? `Running… ${(progress?.steps ?? 0).toLocaleString('en')} steps · ${((progress?.elapsedMs ?? 0) / 1000).toFixed(1)} s of ${((progress?.timeLimitMs ?? 5000) / 1000).toFixed(0)} s`
          : summary}
      </span>
      {running && progress && (
        <progress className="time-used" max={progress.timeLimitMs} value={progress.elapsedMs} aria-label="Time used" />
      )}
      {children}
    </header>
  );
}
