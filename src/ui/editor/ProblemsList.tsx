import type { Problem } from './monaco';

/** Props of the Problems list. */
export interface ProblemsListProps {
  /** Every file's errors and warnings. */
  problems: readonly Problem[];
  /** Goes to a problem in the editor. */
  onGo: (p: Problem) => void;
}

/** What the editor shows in the list: the first line of a message (the rest is in the hover). */
const firstLine = (m: string): string => m.split('\n')[0] ?? m;

/**
 * The problems of every file under the editor, errors first: a click (or Enter) goes to the line.
 * Errors stop a run; warnings (types) do not, and the heading says how many of each there are.
 */
export function ProblemsList({ problems, onGo }: ProblemsListProps) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  return (
    <details className="problems" open={problems.length > 0} aria-label="Problems">
      <summary>
        Problems: {problems.length === 0 ? 'none' : `${count(errors, 'error')}, ${count(warnings, 'warning')}`}
        <span className="problems-hint">Ctrl+M or Esc then Tab: move focus out of the editor · F8: next problem</span>
      </summary>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.file}:${p.line}:${p.column}:${i}`} className={`problem ${p.severity}`}>
            <button type="button" onClick={() => onGo(p)} title={p.message}>
              <span className="problem-kind">{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
              <span className="problem-where">
                {p.file}:{p.line}:{p.column}
              </span>{' '}
              {firstLine(p.message)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
