import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { millis } from '../shared/brand';
import { hasCode } from '../shared/errors';
import type { Completion, Sqe } from './bus';
import { success } from './bus';
import { io, type CoroutineBody } from './coroutine';
import type { AioDevice } from './aio/device';
import { PromiseDevice } from './aio/promise';
import { System, type LoopHost } from './system';

/** A device that keeps what it is given until the test answers. */
class HeldDevice implements AioDevice {
  readonly held: Array<{ sqe: Sqe; complete: (sqe: Sqe, c: Completion) => void }> = [];
  disposed = 0;
  constructor(readonly kind = 'held') {}
  process(batch: ReadonlyArray<Sqe>, complete: (sqe: Sqe, c: Completion) => void): void {
    for (const sqe of batch) this.held.push({ sqe, complete });
  }
  dispose(): void {
    this.disposed++;
  }
}

const codeOf = (c: Completion | undefined): unknown => (c && !c.ok ? (c.error as { code?: unknown }).code : undefined);

function* echo(sub: unknown): CoroutineBody<unknown> {
  yield* [];
  return sub;
}

describe('System', () => {
  it('[K-API1] refuses at once with 50301 when the API submission queue is full', () => {
    const sys = new System([], { apiQueueSize: 2 });
    sys.addOnRequest('echo', echo);
    const got: Array<Completion | undefined> = [undefined, undefined, undefined];
    for (let i = 0; i < 3; i++) sys.submit('echo', i, (c) => (got[i] = c));
    expect(got[0]).toBeUndefined();
    expect(got[1]).toBeUndefined();
    expect(codeOf(got[2])).toBe('50301');
    sys.tick(millis(0));
    expect(got.slice(0, 2)).toEqual([success(0), success(1)]);
  });

  it('[K-API2] refuses at once with 50300 after shutdown', () => {
    const sys = new System([]);
    sys.addOnRequest('echo', echo);
    sys.shutdown();
    let got: Completion | undefined;
    sys.submit('echo', 1, (c) => (got = c));
    expect(codeOf(got)).toBe('50300');
    expect(got && !got.ok && hasCode(got.error, '50300')).toBe(true);
  });

  it('[K-API3] an unknown kind completes with 40400; a throwing factory with its error', () => {
    const sys = new System([]);
    sys.addOnRequest('bad', () => {
      throw new Error('no coroutine today');
    });
    const got: Completion[] = [];
    sys.submit('missing', 1, (c) => got.push(c));
    sys.submit('bad', 1, (c) => got.push(c));
    expect(got).toEqual([]);
    sys.tick(millis(0));
    expect(codeOf(got[0])).toBe('40400');
    expect(got[1] && !got[1].ok && (got[1].error as Error).message).toBe('no coroutine today');
  });

  it('[K-API4] each callback fires once; one that throws skips no other and reaches onCallbackError', () => {
    const errors: unknown[] = [];
    const sys = new System([], { onCallbackError: (e) => errors.push(e) });
    sys.addOnRequest('echo', echo);
    const calls = [0, 0, 0];
    sys.submit('echo', 0, () => calls[0]!++);
    sys.submit('echo', 1, () => {
      calls[1]!++;
      throw new Error('caller bug');
    });
    sys.submit('echo', 2, () => calls[2]!++);
    sys.tick(millis(0));
    sys.tick(millis(1));
    expect(calls).toEqual([1, 1, 1]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['caller bug']);
    expect(sys.busy).toBe(false);
  });

  it('[K-API5] a tick admits at most batchSize requests, oldest first', () => {
    const sys = new System([], { batchSize: 2 });
    sys.addOnRequest('echo', echo);
    const order: unknown[] = [];
    for (let i = 0; i < 5; i++) sys.submit('echo', i, (c) => order.push(c.ok && c.value));
    sys.tick(millis(0));
    expect(order).toEqual([0, 1]);
    sys.tick(millis(0));
    expect(order).toEqual([0, 1, 2, 3]);
    sys.tick(millis(0));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('[K-TICK1] a tick delivers AIO completions, then admits requests, then schedules, then flushes AIO', () => {
    const dev = new HeldDevice();
    const sys = new System([dev]);
    const log: string[] = [];
    sys.addOnRequest('job', function* (name) {
      log.push(`${String(name)} start`);
      const v = yield* io<string>('held', name);
      log.push(`${String(name)} got ${v}`);
      return v;
    });
    sys.submit('job', 'A', () => log.push('A done'));
    sys.tick(millis(0));
    expect(log).toEqual(['A start']);
    expect(dev.held.map((h) => h.sqe.submission)).toEqual(['A']);
    const first = dev.held.shift();
    first?.complete(first.sqe, success('a!'));
    sys.submit('job', 'B', () => log.push('B done'));
    expect(log).toEqual(['A start']);
    sys.tick(millis(1));
    expect(log).toEqual(['A start', 'A got a!', 'A done', 'B start']);
    expect(dev.held.map((h) => h.sqe.submission)).toEqual(['B']);
  });

  it('[K-AIO1] completions carry one of value or error; unknown kind is 40401, a full AIO queue 50302', () => {
    const dev = new HeldDevice();
    const sys = new System([dev], { aioQueueSize: 1 });
    const seen: Completion[] = [];
    sys.addOnRequest('job', function* (kind) {
      try {
        return yield* io(String(kind), null);
      } catch (e) {
        return (e as { code?: string }).code ?? (e as Error).message;
      }
    });
    sys.submit('job', 'nowhere', (c) => seen.push(c));
    sys.submit('job', 'held', (c) => seen.push(c));
    sys.submit('job', 'held', (c) => seen.push(c));
    sys.tick(millis(0));
    sys.tick(millis(0));
    expect(seen).toEqual([success('40401'), success('50302')]);
    for (const c of seen) expect(Object.keys(c).sort()).toEqual(['ok', 'value']);
    const h = dev.held[0];
    h?.complete(h.sqe, { ok: false, error: new Error('device failed') });
    sys.tick(millis(0));
    expect(seen[2]).toEqual(success('device failed'));
  });

  it('[K-AIO2] a second answer for the same submission is ignored', () => {
    const dev = new HeldDevice();
    const sys = new System([dev]);
    const got: unknown[] = [];
    sys.addOnRequest('job', function* () {
      got.push(yield* io('held', 1));
      got.push(yield* io('held', 2));
      return got.length;
    });
    let result: Completion | undefined;
    sys.submit('job', null, (c) => (result = c));
    sys.tick(millis(0));
    const h = dev.held.shift();
    h?.complete(h.sqe, success('first'));
    h?.complete(h.sqe, success('duplicate'));
    sys.tick(millis(0));
    expect(got).toEqual(['first']);
    const h2 = dev.held.shift();
    expect(h2?.sqe.submission).toBe(2);
    h2?.complete(h2.sqe, success('second'));
    sys.tick(millis(0));
    expect(got).toEqual(['first', 'second']);
    expect(result).toEqual(success(2));
    expect(sys.busy).toBe(false);
  });

  it('[K-LOOP1] [K-LOOP2] requests before shutdown succeed, after it fail with 50300; loop returns; every callback once', async () => {
    const clock = new ManualClock(1000);
    const host: LoopHost = { now: () => clock.now(), yieldToHost: () => new Promise((r) => setImmediate(r)) };
    const dev = new HeldDevice('spare');
    const sys = new System([new PromiseDevice(), dev]);
    const ticksAt: number[] = [];
    sys.addOnRequest('double', function* (n, now) {
      ticksAt.push(now);
      const v = yield* io<number>('promise', Promise.resolve(n as number));
      return v * 2;
    });
    const calls = new Map<number, Completion[]>();
    const submit = (i: number): void =>
      sys.submit('double', i, (c) => {
        calls.set(i, [...(calls.get(i) ?? []), c]);
        clock.advance(1);
      });
    for (let i = 0; i < 5; i++) submit(i);
    const looping = sys.loop(host);
    for (let i = 5; i < 8; i++) submit(i);
    sys.shutdown();
    for (let i = 8; i < 10; i++) submit(i);
    expect([...calls.keys()]).toEqual([8, 9]);
    await looping;
    expect(sys.busy).toBe(false);
    expect(dev.disposed).toBe(1);
    for (let i = 0; i < 10; i++) expect(calls.get(i), `request ${i}`).toHaveLength(1);
    for (let i = 0; i < 8; i++) expect(calls.get(i)?.[0]).toEqual(success(i * 2));
    for (let i = 8; i < 10; i++) expect(codeOf(calls.get(i)?.[0])).toBe('50300');
    expect(ticksAt.every((t) => t >= 1000)).toBe(true);
    let late: Completion | undefined;
    sys.submit('double', 99, (c) => (late = c));
    expect(codeOf(late)).toBe('50300');
  });
});
