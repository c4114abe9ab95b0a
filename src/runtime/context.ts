import type { Clock } from '../shared/clock';
import type { Millis } from '../shared/brand';
import { StepgraphError } from '../shared/errors';
import type { Limits } from './limits';

/** Codes of the errors a context raises; the trace's error kind follows from them. */
export const CONTEXT_CODES = {
  TIME: 'LIMIT_TIME',
  STEPS: 'LIMIT_STEPS',
  STOPPED: 'STOPPED',
  LOOSER_LIMIT: 'CONTEXT_LOOSER_LIMIT',
} as const;

/**
 * A module instance's context (after Inox): its limits, its cancellation, its teardown tasks.
 * Cancelling a context cancels every descendant. Children draw on their ancestors' budgets.
 */
export class Context {
  private readonly children = new Set<Context>();
  private readonly teardowns: Array<() => void> = [];
  private reason: StepgraphError | undefined;
  private stepsUsed = 0;
  /** When this context was made. */
  readonly startedAt: Millis;

  constructor(
    /** The limits of this context alone; ancestors' limits apply too. */
    readonly limits: Limits,
    private readonly clock: Clock,
    private readonly parent?: Context,
    /** An outside stop request (a host flag), polled at each check. */
    private readonly externalStop?: () => boolean,
  ) {
    this.startedAt = clock.now();
    if (parent) {
      for (const key of Object.keys(limits) as Array<keyof Limits>) {
        if (limits[key] > parent.limits[key]) {
          throw new StepgraphError(
            CONTEXT_CODES.LOOSER_LIMIT,
            `runtime/Context: a child's limit ${key}=${limits[key]} is looser than its parent's ${parent.limits[key]}`,
            { limit: key },
          );
        }
      }
      parent.children.add(this);
      if (parent.reason) this.reason = parent.reason;
    }
  }

  /** The error that cancelled this context, if any. */
  get cancelled(): StepgraphError | undefined {
    return this.reason;
  }

  /** Cancels this context and all its descendants; runs teardown tasks once, in order. */
  cancel(reason: StepgraphError): void {
    if (this.reason && this.teardowns.length === 0) return;
    this.reason ??= reason;
    for (const child of this.children) child.cancel(reason);
    const tasks = this.teardowns.splice(0);
    for (const task of tasks) {
      try {
        task();
      } catch {
        // one failing teardown must not skip the others
      }
    }
  }

  /** Registers a task to run once when the context is cancelled or finished. */
  onTeardown(task: () => void): void {
    if (this.reason) task();
    else this.teardowns.push(task);
  }

  /** Records `n` steps here and in every ancestor; throws when a step budget is exhausted. */
  chargeSteps(n: number): void {
    for (const c of this.lineage()) {
      c.stepsUsed += n;
      if (c.stepsUsed > c.limits.steps && !c.reason) {
        // the context whose budget ran out stops, and with it every descendant (this one included)
        c.cancel(
          new StepgraphError(
            CONTEXT_CODES.STEPS,
            `runtime/steps: the step limit of ${c.limits.steps} steps was reached`,
            { limit: 'execution/steps' },
          ),
        );
      }
    }
    if (this.reason) throw this.reason;
  }

  /** Checks time and stop requests; throws (and cancels) when one trips. */
  check(): void {
    if (!this.reason) {
      const now = this.clock.now();
      for (const c of this.lineage()) {
        if (c.externalStop?.()) {
          c.cancel(new StepgraphError(CONTEXT_CODES.STOPPED, 'runtime/stop: the run was stopped'));
          break;
        }
        if (now - c.startedAt > c.limits.totalTimeMs) {
          c.cancel(
            new StepgraphError(
              CONTEXT_CODES.TIME,
              `runtime/time: the time limit of ${c.limits.totalTimeMs} ms was reached`,
              { limit: 'execution/total-time' },
            ),
          );
          break;
        }
      }
    }
    if (this.reason) throw this.reason;
  }

  /** Milliseconds left before the total-time limit of this context or an ancestor trips. */
  remainingMs(): number {
    const now = this.clock.now();
    let left = Infinity;
    for (const c of this.lineage()) left = Math.min(left, c.limits.totalTimeMs - (now - c.startedAt));
    return Math.max(0, left);
  }

  /** Steps used in this context (children included). */
  get steps(): number {
    return this.stepsUsed;
  }

  /** This context, then each ancestor up to the root. */
  private *lineage(): Generator<Context> {
    yield this;
    for (let c = this.parent; c; c = c.parent) yield c;
  }

  /** Detaches a finished child so it no longer receives cancellation. */
  release(): void {
    this.parent?.children.delete(this);
  }
}
