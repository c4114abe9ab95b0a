import type { StackFrame } from '../../tracer/callStack';

/** Props of the call stack list. */
export interface CallStackProps {
  /** The frames at the step, innermost first. */
  stack: readonly StackFrame[];
  /** Index of the frame whose locals the panel shows. */
  selected: number;
  /** Shows another frame's locals. */
  onSelect: (index: number) => void;
}

/**
 * The call stack at the step, as a list named "Call stack": one button per frame, innermost first
 * (recursion frames apart, each with its depth and the line it is at); pressing one shows that
 * frame's locals below, as they are at this step.
 */
export function CallStack({ stack, selected, onSelect }: CallStackProps) {
  return (
    <nav className="call-stack" aria-label="Call stack">
      <h3>Call stack</h3>
      <ol>
        {stack.map((f, i) => (
          <li key={f.frame}>
            <button
              type="button"
              aria-current={i === selected ? 'true' : undefined}
              onClick={() => onSelect(i)}
              title={`Show the locals of ${f.name} (depth ${f.depth})`}
            >
              <span className="frame-name">{f.name}</span>
              <span className="frame-where">
                {f.depth > 0 ? `depth ${f.depth}, ` : ''}line {f.line}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
