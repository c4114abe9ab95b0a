import type { RunErrorCode } from '../../protocol/codes';

/** Stable codes of the kernel's API, as in the Resonate kernel. */
export const API_CODES = {
  /** The API submission queue is full; try again later. */
  QUEUE_FULL: '50301',
  /** The system is shutting down and takes no new requests. */
  SHUTTING_DOWN: '50300',
  /** No coroutine factory is registered for the request's kind. */
  UNKNOWN_KIND: '40400',
  /** An AIO submission queue is full. */
  AIO_QUEUE_FULL: '50302',
  /** The host gave the `network` device no fetch. */
  NO_NETWORK: '50303',
  /** No AIO device handles this kind. */
  AIO_UNKNOWN_KIND: '40401',
} as const satisfies Record<string, RunErrorCode>;
