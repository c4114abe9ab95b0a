import { describe, expect, it } from 'vitest';
import { millis } from '../../shared/brand';
import type { Completion, Sqe } from '../bus';
import { System } from '../system';
import { io, type CoroutineBody } from '../coroutine';
import { NetworkDevice, type NetworkHost, type NetworkResponse } from './network';
import { PromiseDevice } from './promise';
import { TimerDevice, type TimerHost } from './timer';

/** Timers the test fires by hand. */
class HandTimers implements TimerHost {
  readonly pending = new Map<number, { ms: number; fn: () => void }>();
  private next = 1;
  set(ms: number, fn: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, { ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const t of all) t.fn();
  }
}

/** Runs one coroutine doing `io(kind, submission)` on a system and returns its completion. */
async function ioOnce(sys: System, kind: string, submission: unknown, between?: () => void): Promise<Completion> {
  let got: Completion | undefined;
  sys.addOnRequest('once', function* (): CoroutineBody<unknown> {
    return yield* io(kind, submission);
  });
  sys.submit('once', null, (c) => (got = c));
  sys.tick(millis(0));
  between?.();
  for (let i = 0; i < 20 && !got; i++) {
    await new Promise((r) => setImmediate(r));
    sys.tick(millis(0));
  }
  if (!got) throw new Error('no completion');
  return got;
}

describe('AIO devices', () => {
  it('[K-TIMER1] the timer device completes after its delay through the host timers; dispose clears them', async () => {
    const timers = new HandTimers();
    const dev = new TimerDevice(timers);
    const sys = new System([dev]);
    const done = ioOnce(sys, 'timer', { ms: -5 }, () => {
      expect([...timers.pending.values()].map((t) => t.ms)).toEqual([0]);
      timers.fireAll();
    });
    expect(await done).toEqual({ ok: true, value: undefined });
    dev.process([{ id: 1, kind: 'timer', submission: { ms: 50 }, callback: () => {} }], () => {});
    expect(timers.pending.size).toBe(1);
    dev.dispose();
    expect(timers.pending.size).toBe(0);
  });

  it('[K-PROM1] the promise device completes with the outcome of a host promise', async () => {
    const sys = new System([new PromiseDevice()]);
    expect(await ioOnce(sys, 'promise', Promise.resolve(7))).toEqual({ ok: true, value: 7 });
    const failed = await ioOnce(sys, 'promise', Promise.reject(new Error('host failed')));
    expect(!failed.ok && (failed.error as Error).message).toBe('host failed');
  });

  it('[K-NET1] the network device answers with the injected fetch’s response or its error', async () => {
    const asked: string[] = [];
    const fetch: NetworkHost = (req) => {
      asked.push(`${req.method ?? 'GET'} ${req.url}`);
      if (req.url.endsWith('/down')) return Promise.reject(new Error('connection refused'));
      const r: NetworkResponse = { url: req.url, status: 200, statusText: 'OK', headers: {}, body: 'hello' };
      return Promise.resolve(r);
    };
    const sys = new System([new NetworkDevice(fetch)]);
    const ok = await ioOnce(sys, 'network', { url: 'https://a.test/x' });
    expect(ok).toEqual({
      ok: true,
      value: { url: 'https://a.test/x', status: 200, statusText: 'OK', headers: {}, body: 'hello' },
    });
    const down = await ioOnce(sys, 'network', { url: 'https://a.test/down' });
    expect(!down.ok && (down.error as Error).message).toBe('connection refused');
    expect(asked).toEqual(['GET https://a.test/x', 'GET https://a.test/down']);
  });

  it('[K-NET2] without a fetch every request fails with 50303; after disposal late answers are dropped', async () => {
    const none = await ioOnce(new System([new NetworkDevice(undefined)]), 'network', { url: 'https://a.test' });
    expect(!none.ok && (none.error as { code?: string }).code).toBe('50303');
    let resolve: (r: NetworkResponse) => void = () => {};
    const dev = new NetworkDevice(() => new Promise((r) => (resolve = r)));
    const answers: Completion[] = [];
    const sqe: Sqe = { id: 1, kind: 'network', submission: { url: 'https://a.test' }, callback: () => {} };
    dev.process([sqe], (_s, c) => answers.push(c));
    dev.dispose();
    resolve({ url: '', status: 200, statusText: '', headers: {}, body: '' });
    await new Promise((r) => setImmediate(r));
    expect(answers).toEqual([]);
  });
});
