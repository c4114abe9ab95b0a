/** The outcome of a submission: exactly one of a value or an error. */
export type Completion<T = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** A submission queue entry: work for the kernel (API) or for an AIO device. */
export interface Sqe<S = unknown, T = unknown> {
  /** Unique within a system, in submission order. */
  readonly id: number;
  /** The request or AIO kind (`run`, `timer`…). */
  readonly kind: string;
  /** The payload. */
  readonly submission: S;
  /** Invoked once with the matching completion, by the kernel, during a tick. */
  readonly callback: (completion: Completion<T>) => void;
}

/** A completion queue entry: shares its id and callback with the Sqe it answers. */
export interface Cqe<T = unknown> {
  /** The id of the Sqe this completes. */
  readonly id: number;
  /** The outcome. */
  readonly completion: Completion<T>;
  /** The Sqe's callback. */
  readonly callback: (completion: Completion<T>) => void;
}

export const success = <T>(value: T): Completion<T> => ({ ok: true, value });
export const failure = (error: unknown): Completion<never> => ({ ok: false, error });
