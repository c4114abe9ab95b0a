import type { Completion } from './bus';
import { failure, success } from './bus';

/** What a coroutine may yield to the scheduler. */
export type Yielded =
  /** Submit AIO work and resume with its completion. */
  | { readonly type: 'aio'; readonly kind: string; readonly submission: unknown }
  /** Start another coroutine; resume at once with its handle. */
  | { readonly type: 'spawn'; readonly body: CoroutineBody<unknown> }
  /** Wait for a spawned coroutine; resume with its completion. */
  | { readonly type: 'await'; readonly handle: Coroutine<unknown> };

/** The body of a coroutine: a generator that yields requests and is resumed with their answers. */
export type CoroutineBody<T> = Generator<Yielded, T, unknown>;

export type CoroutineState = 'Created' | 'Running' | 'Suspended' | 'Done';

let nextId = 0;

/** A resumable computation with explicit states, driven only by the scheduler. */
export class Coroutine<T> {
  /** Unique id, for logs. */
  readonly id = nextId++;
  private current: CoroutineState = 'Created';
  private outcome: Completion<T> | undefined;
  /** Coroutines waiting for this one to finish. */
  readonly waiters: Array<Coroutine<unknown>> = [];

  constructor(private readonly body: CoroutineBody<T>) {}

  /** The coroutine's state. */
  get state(): CoroutineState {
    return this.current;
  }

  /** The result, once Done. */
  get result(): Completion<T> | undefined {
    return this.outcome;
  }

  /**
   * Runs until the next yield or the end. The first resume ignores `input`;
   * later ones deliver the answer to the last yield (a value, or an error thrown at the yield).
   */
  resume(input: Completion<unknown>): { done: false; yielded: Yielded } | { done: true; result: Completion<T> } {
    if (this.current === 'Running') throw new Error('kernel/Coroutine.resume: already running');
    if (this.current === 'Done') throw new Error('kernel/Coroutine.resume: already done');
    const first = this.current === 'Created';
    this.current = 'Running';
    let step: IteratorResult<Yielded, T>;
    try {
      if (first || input.ok) step = this.body.next(first ? undefined : (input as { value: unknown }).value);
      else step = this.body.throw(input.error);
    } catch (error) {
      return this.finish(failure(error));
    }
    if (step.done) return this.finish(success(step.value));
    this.current = 'Suspended';
    return { done: false, yielded: step.value };
  }

  private finish(result: Completion<T>): { done: true; result: Completion<T> } {
    this.current = 'Done';
    this.outcome = result;
    return { done: true, result };
  }
}

/** Helpers to write coroutine bodies: `const x = yield* io('timer', { ms: 5 })`. */
export function* io<T>(kind: string, submission: unknown): Generator<Yielded, T, unknown> {
  return (yield { type: 'aio', kind, submission }) as T;
}

export function* spawn<T>(body: CoroutineBody<T>): Generator<Yielded, Coroutine<T>, unknown> {
  return (yield { type: 'spawn', body }) as Coroutine<T>;
}

export function* join<T>(handle: Coroutine<T>): Generator<Yielded, T, unknown> {
  return (yield { type: 'await', handle }) as T;
}
