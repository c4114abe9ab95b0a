import type { Trace } from '../protocol/trace';
import type { RunErrorCode } from '../protocol/codes';

type Line = Trace['output'][number];

/** How much printed output a run keeps (docs/SCRIPTS.md); the rest is counted, not kept. */
export interface OutputBudget {
  /** Lines kept in all, half from the start of the run and half from its end. */
  lines: number;
  /** UTF-16 code units kept in all, split the same way. */
  chars: number;
}

export const DEFAULT_OUTPUT_BUDGET: OutputBudget = { lines: 100_000, chars: 8_000_000 };

/** The stable code the marker names, as a limit's code would. */
export const OUTPUT_CODE: RunErrorCode = 'LIMIT_OUTPUT';

/**
 * A run's printed output within its budget: the first half of the budget as printed, then a sliding
 * window over the last half. What falls out of the window is counted, and `lines()` puts one marker
 * line where it was, naming the budget. A run that prints millions of lines keeps running, and its
 * trace stays a bounded size.
 */
export class OutputLog {
  /** Lines kept from the start of the run (what streams to the page during the run). */
  readonly head: Line[] = [];
  private headChars = 0;
  private tail: Line[] = [];
  private tailStart = 0;
  private tailChars = 0;
  private droppedLines = 0;
  private droppedChars = 0;
  private droppedAt = -1;

  constructor(private budget: OutputBudget = DEFAULT_OUTPUT_BUDGET) {}

  /** Lowers the budget (settings, the main module's manifest) before anything is printed. */
  limit(budget: Partial<OutputBudget>): void {
    if (this.head.length > 0 || this.tail.length > 0)
      throw new Error('tracer/OutputLog: the budget is set before output');
    this.budget = {
      lines: Math.max(2, Math.min(this.budget.lines, budget.lines ?? Infinity)),
      chars: Math.max(128, Math.min(this.budget.chars, budget.chars ?? Infinity)),
    };
  }

  /** The bytes the kept lines take, estimated: two a code unit and a record a line. */
  size(): number {
    return (this.headChars + this.tailChars) * 2 + (this.head.length + this.tail.length - this.tailStart) * 48;
  }

  /** Records `text` printed on `step`. */
  print(step: number, stream: Line['stream'], text: string): void {
    const half = Math.floor(this.budget.chars / 2);
    if (this.droppedAt < 0 && this.tail.length === 0) {
      if (this.head.length < Math.ceil(this.budget.lines / 2) && this.headChars + text.length <= half) {
        this.head.push({ step, stream, text });
        this.headChars += text.length;
        return;
      }
    }
    // a line longer than the window keeps its start, and says how long it was
    const kept = text.length > half ? `${text.slice(0, Math.max(0, half - 64))}… (${text.length} characters)` : text;
    this.tail.push({ step, stream, text: kept });
    this.tailChars += kept.length;
    this.droppedChars += text.length - kept.length;
    while (this.tail.length - this.tailStart > Math.floor(this.budget.lines / 2) || this.tailChars > half) {
      const out = this.tail[this.tailStart++] as Line;
      if (this.droppedAt < 0) this.droppedAt = out.step;
      this.tailChars -= out.text.length;
      this.droppedChars += out.text.length;
      this.droppedLines++;
    }
    // the window's array is compacted now and then, so dropping a line costs O(1) on average
    if (this.tailStart > 4096 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  /** Every line kept, in order, with the marker where lines were dropped. */
  lines(): Line[] {
    const tail = this.tail.slice(this.tailStart);
    if (this.droppedLines === 0 && this.droppedChars === 0) return [...this.head, ...tail];
    const step = this.droppedAt >= 0 ? this.droppedAt : (tail[0]?.step ?? 0);
    const marker: Line = {
      step,
      stream: 'stderr',
      text:
        `… ${this.droppedLines} lines and ${this.droppedChars} characters of output not kept: ` +
        `a run keeps its first and last ${Math.floor(this.budget.lines / 2)} lines (${OUTPUT_CODE})`,
    };
    return [...this.head, marker, ...tail];
  }
}
