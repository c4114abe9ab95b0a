import type { Completion, Sqe } from '../bus';
import { success } from '../bus';
import type { AioDevice } from './device';

/** The host's timers, injected so the kernel never touches ambient `setTimeout`. */
export interface TimerHost {
  /** Calls `fn` once after `ms` milliseconds; returns a handle for `clear`. */
  set(ms: number, fn: () => void): unknown;
  /** Cancels a timer set with `set`. */
  clear(handle: unknown): void;
}

/** Submission of kind `timer`: complete after `ms` milliseconds. */
export interface TimerSubmission {
  /** Delay in milliseconds (negative counts as 0). */
  ms: number;
}

/** Completes each `timer` submission after its delay, through the host's timers. */
export class TimerDevice implements AioDevice {
  readonly kind = 'timer';
  private readonly pending = new Set<unknown>();

  constructor(private readonly host: TimerHost) {}

  process(batch: ReadonlyArray<Sqe>, complete: (sqe: Sqe, c: Completion) => void): void {
    for (const sqe of batch) {
      const ms = Math.max(0, Number((sqe.submission as TimerSubmission).ms) || 0);
      const handle = this.host.set(ms, () => {
        this.pending.delete(handle);
        complete(sqe, success(undefined));
      });
      this.pending.add(handle);
    }
  }

  dispose(): void {
    for (const h of this.pending) this.host.clear(h);
    this.pending.clear();
  }
}
