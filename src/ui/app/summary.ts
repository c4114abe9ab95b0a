import type { PlaygroundState } from '../state/store';
import { plainMessage } from './plainMessage';

/** One line about the last run for the status bar. */
export function runSummary(state: PlaygroundState): string {
  const r = state.response;
  if (state.notice) return state.notice;
  if (!r) return 'Press Run (Ctrl+Enter) to trace the script.';
  const steps = `${r.stats.steps.toLocaleString('en')} steps in ${Math.round(r.stats.wallMs)} ms`;
  const stale = state.stale ? ' · code changed — Run to update' : '';
  if (r.ok) return `Finished: ${steps}${stale}`;
  const e = r.error;
  const where = e?.line ? ` at line ${e.line}` : '';
  return `${e?.kind === 'stopped' ? 'Stopped' : 'Failed'}${where}: ${plainMessage(e?.message ?? '')} (${steps})${stale}`;
}
