import { StepgraphError } from '../shared/errors';
import { CONTEXT_CODES } from './codes';
import type { TokenBucket } from './tokenBucket';

/** Who is waiting: its cancellation refuses the wait (C-RATE2). */
export interface Waiting {
  /** The reason it was cancelled, once it is. */
  readonly cancelled: Error | undefined;
  /** Runs `task` once when cancelled; returns a function that unregisters it. */
  onTeardown(task: () => void): () => void;
}

interface Waiter {
  n: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  unhook: () => void;
}

/**
 * The line in front of a rate bucket (C-RATE1): a take that cannot be served at once waits,
 * first in, first out, and one timer at a time (the host's, injected) wakes the line when the head's
 * tokens have refilled.
 */
export class WaitQueue {
  private readonly line: Waiter[] = [];
  private sleeping = false;

  constructor(
    private readonly bucket: TokenBucket,
    private readonly wait: (ms: number) => Promise<void>,
    /** The limit's name, for errors. */
    private readonly name: string,
  ) {}

  /** Waiters in line. */
  get length(): number {
    return this.line.length;
  }

  /** Resolves once `n` tokens are taken for `who`; rejects with its reason if it is cancelled first. */
  take(n: number, who: Waiting): Promise<void> {
    if (who.cancelled) return Promise.reject(who.cancelled);
    if (n > this.bucket.capacity)
      return Promise.reject(
        new StepgraphError(CONTEXT_CODES.RATE, `runtime/limit: ${this.name} can never give ${n} at once`, {
          limit: this.name,
        }),
      );
    if (this.line.length === 0 && this.bucket.tryTake(n)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { n, resolve, reject, unhook: () => {} };
      waiter.unhook = who.onTeardown(() => {
        const i = this.line.indexOf(waiter);
        if (i < 0) return;
        this.line.splice(i, 1);
        reject(who.cancelled);
        // the next in line may be servable now
        this.pump();
      });
      this.line.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    for (let head = this.line[0]; head && this.bucket.tryTake(head.n); head = this.line[0]) {
      this.line.shift();
      head.unhook();
      head.resolve();
    }
    const head = this.line[0];
    if (!head || this.sleeping) return;
    this.sleeping = true;
    const wake = (): void => {
      this.sleeping = false;
      this.pump();
    };
    // no timer (the run is over): nobody in line will ever be served
    const fail = (e: unknown): void => {
      this.sleeping = false;
      for (const w of this.line.splice(0)) {
        w.unhook();
        w.reject(e);
      }
    };
    this.wait(this.bucket.timeUntil(head.n)).then(wake, fail);
  }
}
