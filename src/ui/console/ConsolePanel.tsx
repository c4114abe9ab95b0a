import type { Trace, TraceError } from '../../protocol/trace';

/** Props of the console. */
export interface ConsolePanelProps {
  /** Output printed up to the current step. */
  output: Trace['output'];
  /** The last run's failure, with where it happened. */
  error: TraceError | undefined;
  /** A note about a run that left no trace. */
  notice: string | undefined;
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
export function ConsolePanel({ output, error, notice }: ConsolePanelProps) {
  return (
    <section className="panel console" role="region" aria-label="Console">
      <h2>Console</h2>
      <div className="console-lines" role="log">
        {output.map((o, i) => (
          <div key={i} className={`line ${o.stream}`}>
            {o.text}
          </div>
        ))}
        {error && (
          <div className="line error" role="alert">
            <strong>{KIND_TITLE[error.kind]}</strong>
            {error.line ? ` at line ${error.line}${error.column ? `:${error.column}` : ''}` : ''} —{' '}
            {error.name === 'StepgraphError' ? '' : `${error.name}: `}
            {error.message}
          </div>
        )}
        {notice && (
          <div className="line error" role="alert">
            {notice}
          </div>
        )}
        {output.length === 0 && !error && !notice && <div className="empty">Output appears here as you step.</div>}
      </div>
    </section>
  );
}
