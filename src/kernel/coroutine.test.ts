import { describe, expect, it } from 'vitest';
import type { Completion } from './bus';
import { failure, success } from './bus';
import { Coroutine, type CoroutineBody, type Yielded } from './coroutine';

const aio = (submission: unknown): Yielded => ({ type: 'aio', kind: 'test', submission });

describe('Coroutine', () => {
  it('[K-CO1] goes Created → Running → Suspended → Running → Done', () => {
    const seen: string[] = [];
    let co!: Coroutine<number>;
    function* body(): CoroutineBody<number> {
      seen.push(co.state);
      const x = (yield aio(1)) as number;
      seen.push(co.state);
      return x + 1;
    }
    co = new Coroutine(body());
    expect(co.state).toBe('Created');
    const first = co.resume(success(undefined));
    expect(first).toEqual({ done: false, yielded: aio(1) });
    expect(co.state).toBe('Suspended');
    const last = co.resume(success(41));
    expect(last).toEqual({ done: true, result: { ok: true, value: 42 } });
    expect(co.state).toBe('Done');
    expect(co.result).toEqual({ ok: true, value: 42 });
    expect(seen).toEqual(['Running', 'Running']);
  });

  it('[K-CO2] the first resume ignores its input; later ones answer the last yield', () => {
    const got: unknown[] = [];
    function* body(): CoroutineBody<string> {
      got.push(yield aio('a'));
      got.push(yield aio('b'));
      return 'end';
    }
    const co = new Coroutine(body());
    expect(co.resume(failure(new Error('ignored')))).toEqual({ done: false, yielded: aio('a') });
    expect(co.resume(success('A'))).toEqual({ done: false, yielded: aio('b') });
    expect(co.resume(success('B'))).toEqual({ done: true, result: success('end') });
    expect(got).toEqual(['A', 'B']);
  });

  it('[K-CO2] [K-CO3] an error is thrown at the yield, and the body may catch it and go on', () => {
    function* body(): CoroutineBody<string> {
      try {
        yield aio('x');
        return 'not reached';
      } catch (e) {
        const again = (yield aio(`caught ${(e as Error).message}`)) as string;
        return `recovered ${again}`;
      }
    }
    const co = new Coroutine(body());
    co.resume(success(undefined));
    expect(co.resume(failure(new Error('boom')))).toEqual({ done: false, yielded: aio('caught boom') });
    expect(co.state).toBe('Suspended');
    expect(co.resume(success('ok'))).toEqual({ done: true, result: success('recovered ok') });
  });

  it('[K-CO3] an uncaught error ends the coroutine with a failure carrying it', () => {
    const boom = new Error('boom');
    function* body(): CoroutineBody<number> {
      yield aio(0);
      return 1;
    }
    const co = new Coroutine(body());
    co.resume(success(undefined));
    const r = co.resume(failure(boom));
    expect(r.done).toBe(true);
    expect(co.state).toBe('Done');
    const result = co.result as Completion<number>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(boom);
  });

  it('[K-CO3] a body that throws on its first run is Done with a failure', () => {
    // eslint-disable-next-line require-yield
    function* body(): CoroutineBody<number> {
      throw new TypeError('at once');
    }
    const co = new Coroutine(body());
    const r = co.resume(success(undefined));
    expect(r.done && !r.result.ok && (r.result.error as Error).message).toBe('at once');
  });

  it('[K-CO4] resuming a Done or a Running coroutine throws', () => {
    function* quick(): CoroutineBody<number> {
      yield* [];
      return 1;
    }
    const done = new Coroutine(quick());
    done.resume(success(undefined));
    expect(() => done.resume(success(undefined))).toThrow(/already done/);

    let self!: Coroutine<void>;
    let inner: unknown;
    function* reentrant(): CoroutineBody<void> {
      try {
        self.resume(success(undefined));
      } catch (e) {
        inner = e;
      }
      yield* [];
    }
    self = new Coroutine(reentrant());
    self.resume(success(undefined));
    expect(String(inner)).toMatch(/already running/);
  });
});
