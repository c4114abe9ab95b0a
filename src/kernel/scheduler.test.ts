import { describe, expect, it } from 'vitest';
import type { Completion } from './bus';
import { failure, success } from './bus';
import { io, join, spawn, type Coroutine, type CoroutineBody, type Yielded } from './coroutine';
import { Scheduler } from './scheduler';

/** A scheduler whose AIO submissions are kept for the test to answer. */
function harness() {
  const pending: Array<{ kind: string; submission: unknown; answer: (c: Completion) => void }> = [];
  const scheduler = new Scheduler((kind, submission, answer) => pending.push({ kind, submission, answer }));
  return { scheduler, pending };
}

describe('Scheduler', () => {
  it('[K-SCH1] tick runs every runnable coroutine until it yields or finishes; done fires once', () => {
    const { scheduler } = harness();
    const log: string[] = [];
    const results: Array<Completion<string>> = [];
    function* body(name: string): CoroutineBody<string> {
      log.push(`${name} ran`);
      yield* [];
      return name.toUpperCase();
    }
    scheduler.add(body('a'), (c) => results.push(c));
    scheduler.add(body('b'), (c) => results.push(c));
    expect(scheduler.size).toBe(2);
    expect(log).toEqual([]);
    expect(scheduler.tick()).toBe(2);
    expect(log).toEqual(['a ran', 'b ran']);
    expect(results).toEqual([success('A'), success('B')]);
    expect(scheduler.size).toBe(0);
    expect(scheduler.tick()).toBe(0);
    expect(results).toHaveLength(2);
  });

  it('[K-SCH3] yielded AIO goes to the submit function; its completion resumes the same coroutine', () => {
    const { scheduler, pending } = harness();
    const results: Array<Completion<unknown>> = [];
    function* body(tag: string): CoroutineBody<string> {
      const v = yield* io<string>('timer', { tag });
      return `${tag}:${v}`;
    }
    scheduler.add(body('x'), (c) => results.push(c));
    scheduler.add(body('y'), (c) => results.push(c));
    scheduler.tick();
    expect(pending.map((p) => [p.kind, p.submission])).toEqual([
      ['timer', { tag: 'x' }],
      ['timer', { tag: 'y' }],
    ]);
    expect(results).toEqual([]);
    // answer in the other order: each answer reaches its own coroutine
    pending[1]?.answer(success('second'));
    pending[0]?.answer(failure(new Error('first failed')));
    scheduler.tick();
    expect(results[0]).toEqual(success('y:second'));
    expect(results[1]?.ok).toBe(false);
    expect(results[1] && !results[1].ok && (results[1].error as Error).message).toBe('first failed');
  });

  it('[K-SCH2] spawn resumes the parent at once with a handle; await gives the child completion', () => {
    const { scheduler, pending } = harness();
    const log: string[] = [];
    let result: Completion<unknown> | undefined;
    function* child(): CoroutineBody<number> {
      log.push('child start');
      const v = yield* io<number>('work', null);
      log.push('child end');
      return v * 2;
    }
    function* parent(): CoroutineBody<string> {
      const h: Coroutine<number> = yield* spawn(child());
      log.push(`parent got handle ${h.state}`);
      const v = yield* join(h);
      log.push('parent joined');
      return `child said ${v}`;
    }
    scheduler.add(parent(), (c) => (result = c));
    scheduler.tick();
    expect(log).toEqual(['child start', 'parent got handle Suspended']);
    expect(scheduler.size).toBe(2);
    pending[0]?.answer(success(21));
    scheduler.tick();
    expect(log).toEqual(['child start', 'parent got handle Suspended', 'child end', 'parent joined']);
    expect(result).toEqual(success('child said 42'));
    expect(scheduler.size).toBe(0);
  });

  it('[K-SCH2] awaiting a child that already failed resumes with its error', () => {
    const { scheduler } = harness();
    let result: Completion<unknown> | undefined;
    // eslint-disable-next-line require-yield
    function* child(): CoroutineBody<number> {
      throw new Error('child broke');
    }
    function* parent(): CoroutineBody<string> {
      // the child runs (and fails) before the parent is resumed with its handle
      const h = yield* spawn(child());
      try {
        yield* join(h);
        return 'no error';
      } catch (e) {
        return `caught ${(e as Error).message} (child ${h.state})`;
      }
    }
    scheduler.add(parent(), (c) => (result = c));
    scheduler.tick();
    expect(result).toEqual(success('caught child broke (child Done)'));
  });

  it('[K-SCH4] yielding something unknown, or awaiting a non-coroutine, resumes with a TypeError', () => {
    const { scheduler } = harness();
    const results: Array<Completion<unknown>> = [];
    function* odd(): CoroutineBody<string> {
      try {
        yield { type: 'nonsense' } as unknown as Yielded;
      } catch (e) {
        return (e as Error).name;
      }
      return 'resumed without error';
    }
    function* nothing(): CoroutineBody<string> {
      try {
        yield null as unknown as Yielded;
      } catch (e) {
        return (e as Error).name;
      }
      return 'resumed without error';
    }
    function* badAwait(): CoroutineBody<string> {
      try {
        yield { type: 'await', handle: {} } as unknown as Yielded;
      } catch (e) {
        return (e as Error).message;
      }
      return 'resumed without error';
    }
    scheduler.add(odd(), (c) => results.push(c));
    scheduler.add(nothing(), (c) => results.push(c));
    scheduler.add(badAwait(), (c) => results.push(c));
    scheduler.tick();
    expect(results).toEqual([
      success('TypeError'),
      success('TypeError'),
      success('kernel/Scheduler: await needs a coroutine handle'),
    ]);
    expect(scheduler.size).toBe(0);
  });
});
