import { useMemo, type ReactNode } from 'react';
import { plainMessage } from '../app/plainMessage';
import type { Trace, TraceError } from '../../protocol/trace';
import { VirtualLines } from './VirtualLines';

/** Past this many lines, only those in view are drawn, each one line high (`VirtualLines`). */
const VIRTUAL_FROM = 500;
/** The most of a line a virtual row carries in its tooltip. */
const TITLE_CHARS = 2000;

/** Props of the console. */
export interface ConsolePanelProps {
  /** Output printed, in step order. */
  output: Trace['output'];
  /** Show only the output and notes of the steps up to this one (all when absent). */
  step?: number;
  /** The last run's failure, with where it happened. */
  error: TraceError | undefined;
  /** A note about a run that left no trace. */
  notice: string | undefined;
  /** The script's `trace.note` narration, shown among the output at its step. */
  notes?: ReadonlyArray<{ step: number; text: string }>;
  /** URL patterns the run asked for and the person did not allow, with a way to be asked again. */
  network?: { refused: readonly string[]; onAskAgain: () => void };
}

type Line = { step: number; kind: 'stdout' | 'stderr' | 'note'; text: string };

const NO_NOTES: ReadonlyArray<{ step: number; text: string }> = [];

/** How many lines (in step order) are at or before `step`. */
function upTo(lines: readonly Line[], step: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as Line).step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Output and narration in step order (a note before the output of its own step). */
function merge(output: Trace['output'], notes: ReadonlyArray<{ step: number; text: string }>): Line[] {
  if (notes.length === 0) return output.map((o) => ({ step: o.step, kind: o.stream, text: o.text }));
  const lines: Line[] = [];
  let n = 0;
  for (const o of output) {
    while (n < notes.length && (notes[n] as { step: number }).step <= o.step)
      lines.push({ ...(notes[n++] as Line), kind: 'note' });
    lines.push({ step: o.step, kind: o.stream, text: o.text });
  }
  while (n < notes.length) lines.push({ ...(notes[n++] as Line), kind: 'note' });
  return lines;
}

const KIND_TITLE: Record<TraceError['kind'], string> = {
  init: 'Bad request',
  prep: 'Cannot run',
  runner: 'Uncaught exception',
  limit: 'Limit reached',
  memory: 'Out of memory',
  stopped: 'Stopped',
  internal: 'Internal error',
};

/** What the script printed up to the step, then its failure, as a region named "Console". */
export function ConsolePanel({ output, step = Infinity, error, notice, notes = NO_NOTES, network }: ConsolePanelProps) {
  // merged once per run; a step only finds where to cut (one binary search), so stepping through
  // a run that printed a hundred thousand lines copies none of them
  const merged = useMemo(() => merge(output, notes), [output, notes]);
  const count = useMemo(() => upTo(merged, step), [merged, step]);
  const lines = count >= VIRTUAL_FROM || count === merged.length ? merged : merged.slice(0, count);
  const after = (
    <>
      {error && (
        <div className="line error" role="alert">
          <strong>{KIND_TITLE[error.kind]}</strong>
          {error.line ? ` at line ${error.line}${error.column ? `:${error.column}` : ''}` : ''} —{' '}
          {error.name === 'StepgraphError' ? '' : `${error.name}: `}
          {plainMessage(error.message)} <code className="error-code">{error.code}</code>
        </div>
      )}
      {network && network.refused.length > 0 && (
        <div className="line network-refused">
          Network access you did not allow:{' '}
          {network.refused.map((p) => (
            <code key={p}>{p} </code>
          ))}
          <button type="button" onClick={network.onAskAgain}>
            Ask me again
          </button>
        </div>
      )}
      {notice && (
        <div className="line error" role="alert">
          {notice}
        </div>
      )}
      {count === 0 && !error && !notice && <div className="empty">Output appears here as you step.</div>}
    </>
  );
  return (
    <section className="panel console" role="region" aria-label="Console">
      <h2>Console</h2>
      {count >= VIRTUAL_FROM ? (
        <VirtualLines count={count} row={(i) => virtualRow(merged[i] as Line, i)}>
          {after}
        </VirtualLines>
      ) : (
        <div className="console-lines" role="log">
          {lines.map((o, i) => (
            <div key={i} className={`line ${o.kind}`}>
              {o.text}
            </div>
          ))}
          {after}
        </div>
      )}
    </section>
  );
}

/** One line of a long console: one row high, its whole text (up to a point) in its tooltip. */
function virtualRow(o: Line, i: number): ReactNode {
  return (
    <div key={i} className={`line row ${o.kind}`} title={o.text.length > 80 ? o.text.slice(0, TITLE_CHARS) : undefined}>
      {o.text}
    </div>
  );
}
