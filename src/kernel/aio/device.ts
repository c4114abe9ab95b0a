import type { Completion, Sqe } from '../bus';

/**
 * An AIO device does the asynchronous work of one kind (timers, host promises, network…)
 * outside the kernel, and reports each outcome through `complete`, from any later moment.
 */
export interface AioDevice {
  /** The submission kind this device handles. */
  readonly kind: string;
  /** Starts the work of a batch of submissions. Must not call back synchronously. */
  process(batch: ReadonlyArray<Sqe>, complete: (sqe: Sqe, completion: Completion) => void): void;
  /** Drops pending work at shutdown or disposal. */
  dispose?(): void;
}
