import type { Completion } from './bus';
import { failure, success } from './bus';
import { Coroutine, type CoroutineBody, type Yielded } from './coroutine';

/** Where the scheduler sends AIO work that a coroutine yielded. */
export type AioSubmit = (kind: string, submission: unknown, callback: (c: Completion) => void) => void;

/**
 * Keeps the runnable coroutines and resumes them one after the other until every one has
 * yielded or finished (one `tick`). A coroutine waiting on AIO or on another coroutine is not
 * runnable; its completion puts it back in the queue.
 */
export class Scheduler {
  private runnable: Array<{ co: Coroutine<unknown>; input: Completion }> = [];
  private live = 0;
  private readonly onDone = new Map<Coroutine<unknown>, (c: Completion) => void>();

  constructor(private readonly submitAio: AioSubmit) {}

  /** Coroutines started and not yet done. */
  get size(): number {
    return this.live;
  }

  /** Admits a new coroutine; `done` fires once with its result. */
  add<T>(body: CoroutineBody<T>, done?: (c: Completion<T>) => void): Coroutine<T> {
    const co = new Coroutine(body);
    this.live++;
    if (done) this.onDone.set(co, done as (c: Completion) => void);
    this.enqueue(co, success(undefined));
    return co;
  }

  /** Makes a suspended coroutine runnable again with the answer to its last yield. */
  enqueue(co: Coroutine<unknown>, input: Completion): void {
    this.runnable.push({ co, input });
  }

  /** Resumes runnable coroutines until none is left; returns how many resumes it did. */
  tick(): number {
    let resumes = 0;
    while (this.runnable.length > 0) {
      const batch = this.runnable;
      this.runnable = [];
      for (const { co, input } of batch) {
        resumes++;
        this.step(co, input);
      }
    }
    return resumes;
  }

  private step(co: Coroutine<unknown>, input: Completion): void {
    const r = co.resume(input);
    if (r.done) {
      this.live--;
      for (const w of co.waiters.splice(0)) this.enqueue(w, r.result);
      const done = this.onDone.get(co);
      this.onDone.delete(co);
      done?.(r.result);
      return;
    }
    const y = r.yielded;
    if (typeof y !== 'object' || (y as Yielded | null) === null) {
      this.enqueue(co, failure(new TypeError('kernel/Scheduler: a coroutine may only yield aio, spawn or await')));
      return;
    }
    switch (y.type) {
      case 'aio':
        this.submitAio(y.kind, y.submission, (c) => this.enqueue(co, c));
        return;
      case 'spawn':
        this.enqueue(co, success(this.add(y.body)));
        return;
      case 'await': {
        const target = y.handle;
        if (!(target instanceof Coroutine)) {
          this.enqueue(co, failure(new TypeError('kernel/Scheduler: await needs a coroutine handle')));
        } else if (target.state === 'Done') this.enqueue(co, target.result as Completion);
        else target.waiters.push(co);
        return;
      }
      default:
        // a body that yields something else (JavaScript callers can) must not hang: it gets an error back
        this.enqueue(co, failure(new TypeError('kernel/Scheduler: a coroutine may only yield aio, spawn or await')));
    }
  }
}
