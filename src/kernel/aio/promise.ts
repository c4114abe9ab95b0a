import type { Completion, Sqe } from '../bus';
import { failure, success } from '../bus';
import type { AioDevice } from './device';

/**
 * Kind `promise`: waits for a promise made by host code (a running module, a fetch) and
 * completes with its outcome. This is how a coroutine waits for work it started outside the kernel.
 */
export class PromiseDevice implements AioDevice {
  readonly kind = 'promise';

  process(batch: ReadonlyArray<Sqe>, complete: (sqe: Sqe, c: Completion) => void): void {
    for (const sqe of batch) {
      Promise.resolve(sqe.submission).then(
        (value) => complete(sqe, success(value)),
        (error: unknown) => complete(sqe, failure(error)),
      );
    }
  }
}
