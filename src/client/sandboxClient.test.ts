import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageMessage, RunStart } from '../protocol/messages';
import type { RunResponse } from '../protocol/run';
import { nodeEngine, request } from '../../test/engine';
import { ClientError } from './client';
import { SandboxClient } from './sandboxClient';
import type { OpenSandbox } from './sandboxFrame';

/** A sandbox that answers nothing by itself: the test plays the sandbox's part. */
class FakeSandbox {
  readonly sent: PageMessage[] = [];
  destroyed = 0;
  constructor(readonly receive: (data: unknown) => void) {}
  send(m: PageMessage): void {
    this.sent.push(m);
  }
  destroy(): void {
    this.destroyed++;
  }
  /** The run/start the client sent. */
  start(): RunStart {
    const m = this.sent.find((s): s is RunStart => s.type === 'run/start');
    if (!m) throw new Error('no run/start sent');
    return m;
  }
  ready(isolated: boolean): void {
    this.receive({ type: 'sandbox/ready', isolated });
  }
}

function fakes(): { open: OpenSandbox; boxes: FakeSandbox[] } {
  const boxes: FakeSandbox[] = [];
  return {
    boxes,
    open: (receive) => {
      const b = new FakeSandbox(receive);
      boxes.push(b);
      return b;
    },
  };
}

const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A clock the test moves by hand (the intrinsics are locked down: no fake timers). */
class ManualClock {
  now = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  private next = 0;
  set = (fn: () => void, ms: number): number => {
    this.due.set(++this.next, { at: this.now + ms, fn });
    return this.next;
  };
  clear = (h: unknown): void => void this.due.delete(h as number);
  advance(ms: number): void {
    this.now += ms;
    for (const [h, t] of [...this.due]) {
      if (t.at > this.now) continue;
      this.due.delete(h);
      t.fn();
    }
  }
}

let response: RunResponse;
beforeAll(async () => {
  response = await nodeEngine().run(request(`let a = 1;\nconsole.log(a);\nexport default a + 1;`));
});

describe('SandboxClient', () => {
  it('sends the run once the sandbox is ready, and resolves with its checked response', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const run = client.run(request('1'));
    const box = boxes[0] as FakeSandbox;
    expect(box.sent).toEqual([]);
    box.ready(true);
    await turn();
    const { id } = box.start();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    box.receive({ type: 'run/done', id, response });
    await expect(run).resolves.toBe(response);
    // each run has a sandbox of its own: the used one is removed and the next one started
    expect(box.destroyed).toBe(1);
    expect(boxes).toHaveLength(2);
    client.dispose();
  });

  it('ignores answers about another run, and a sandbox that ended', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const run = client.run(request('1'));
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    const progress = vi.fn();
    box.receive({ type: 'run/done', id: 'not-the-run', response });
    box.receive({ type: 'run/progress', id: 'not-the-run', steps: 5, elapsedMs: 1 });
    let settled = false;
    run.then(
      () => (settled = true),
      () => (settled = true),
    );
    await turn();
    expect(settled).toBe(false);
    expect(progress).not.toHaveBeenCalled();
    box.receive({ type: 'run/done', id: box.start().id, response });
    await run;
    // the old sandbox may say anything now: nobody listens
    box.receive({ type: 'run/done', id: box.start().id, response: 'forged' });
    expect(boxes[1]?.destroyed).toBe(0);
    client.dispose();
  });

  it('reports progress for its run, with the time budget it asked for', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const onProgress = vi.fn();
    const run = client.run(request('1', { settings: { timeLimitMs: 9000 } }), { onProgress });
    run.catch(() => {});
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    expect(box.start().stream).toBe(true);
    box.receive({ type: 'run/progress', id: box.start().id, steps: 1234, elapsedMs: 56 });
    expect(onProgress).toHaveBeenCalledWith({ steps: 1234, elapsedMs: 56, timeLimitMs: 9000 });
    client.dispose();
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_DISPOSED' });
  });

  it('ends the sandbox and the run on a message that breaks the protocol, as a failure', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const run = client.run(request('1'));
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    box.receive({ type: 'run/done', id: box.start().id, response: { ...response, ok: 'yes' } });
    await expect(run).rejects.toBeInstanceOf(ClientError);
    await expect(run).rejects.toMatchObject({
      code: 'CLIENT_TERMINATED',
      message: expect.stringContaining('protocol'),
      reason: 'failure',
    });
    expect(box.destroyed).toBe(1);
    client.dispose();
  });

  it('[K-CTL4] without isolation, a stop removes the sandbox at once; the next run gets a new one', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const run = client.run(request('while (true) {}'));
    boxes[0]?.ready(false);
    await turn();
    client.cancel();
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED', reason: 'stop' });
    expect(boxes[0]?.destroyed).toBe(1);
    expect(boxes[0]?.sent.map((m) => m.type)).toEqual(['run/start']);
    void client.run(request('1')).catch(() => {});
    expect(boxes).toHaveLength(2);
    client.dispose();
  });

  it('[K-CTL5] isolated: a stop goes to the relay, whose watchdog ends a run that ignores it; the page only backs it up after 10 s', async () => {
    const clock = new ManualClock();
    const { open, boxes } = fakes();
    const client = new SandboxClient(open, clock);
    const run = client.run(request('while (true) {}', { settings: { timeLimitMs: 9000 } }));
    run.catch(() => {});
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    client.cancel();
    const id = box.start().id;
    expect(box.sent.at(-1)).toEqual({ type: 'run/stop', id });
    // a worker still compiling (npm run dev) is not taken for one that ignores the stop
    clock.advance(5000);
    expect(box.destroyed).toBe(0);
    // the relay's watchdog reports the run it had to end; a report for another run changes nothing
    box.receive({ type: 'run/killed', id: 'another-run', reason: 'stop', overrunMs: 3 });
    await turn();
    expect(box.destroyed).toBe(0);
    box.receive({ type: 'run/killed', id, reason: 'stop', overrunMs: 3 });
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED', reason: 'stop' });
    expect(box.destroyed).toBe(1);
    client.dispose();
  });

  it('[K-CTL5] isolated: without the relay, the page backstop removes a stopped run after 10 s', async () => {
    const clock = new ManualClock();
    const { open, boxes } = fakes();
    const client = new SandboxClient(open, clock);
    const run = client.run(request('while (true) {}', { settings: { timeLimitMs: 90000 } }));
    run.catch(() => {});
    boxes[0]?.ready(true);
    await turn();
    client.cancel();
    clock.advance(9999);
    expect(boxes[0]?.destroyed).toBe(0);
    clock.advance(1);
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED', reason: 'stop' });
  });

  it('[K-CTL5] a run past its time limit: the relay ends it and says by how much; the page backstop is 30 s past the limit', async () => {
    const clock = new ManualClock();
    const { open, boxes } = fakes();
    const client = new SandboxClient(open, clock);
    const run = client.run(request('/(a+)+$/.test("a".repeat(40) + "!")', { settings: { timeLimitMs: 1000 } }));
    run.catch(() => {});
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    box.receive({ type: 'run/killed', id: box.start().id, reason: 'time-limit', overrunMs: 1012 });
    await expect(run).rejects.toMatchObject({
      code: 'CLIENT_TERMINATED',
      message: expect.stringContaining('ignored its time limit (ended 1012 ms past it)'),
      reason: 'time-limit',
    });
    expect(box.destroyed).toBe(1);

    const second = client.run(request('/(a+)+$/.test("a".repeat(40) + "!")', { settings: { timeLimitMs: 1000 } }));
    second.catch(() => {});
    boxes[1]?.ready(true);
    await turn();
    clock.advance(30_999);
    expect(boxes[1]?.destroyed).toBe(0);
    clock.advance(1);
    await expect(second).rejects.toMatchObject({ code: 'CLIENT_TERMINATED', reason: 'time-limit' });
    client.dispose();
  });

  it('without isolation the page is the watchdog: 2 s past the limit', async () => {
    const clock = new ManualClock();
    const { open, boxes } = fakes();
    const client = new SandboxClient(open, clock);
    const run = client.run(request('/(a+)+$/.test("a".repeat(40) + "!")', { settings: { timeLimitMs: 1000 } }));
    run.catch(() => {});
    boxes[0]?.ready(false);
    await turn();
    clock.advance(2999);
    expect(boxes[0]?.destroyed).toBe(0);
    clock.advance(1);
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED', reason: 'time-limit' });
    client.dispose();
  });

  it('refuses a script’s request with PERMISSION_DENIED when the page gave no onNetwork', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    void client.run(request('1')).catch(() => {});
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    box.receive({ type: 'net/request', run: box.start().id, id: 'net-1', request: { url: 'https://example.com/' } });
    await turn();
    expect(box.sent.at(-1)).toMatchObject({
      type: 'net/response',
      id: 'net-1',
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    });
    client.dispose();
  });

  it('performs a script’s request through onNetwork, once per request id', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const onNetwork = vi.fn(async (r: { url: string }) => ({
      url: r.url,
      status: 200,
      statusText: 'OK',
      headers: {},
      body: 'hi',
    }));
    const run = client.run(request('1'), { onNetwork });
    run.catch(() => {});
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    const ask = {
      type: 'net/request',
      run: box.start().id,
      id: 'net-1',
      request: { url: 'https://example.com/a', method: 'GET' },
    };
    box.receive(ask);
    await turn();
    expect(onNetwork).toHaveBeenCalledWith({ url: 'https://example.com/a', method: 'GET' });
    expect(box.sent.at(-1)).toMatchObject({
      type: 'net/response',
      id: 'net-1',
      ok: true,
      response: { status: 200, body: 'hi' },
    });
    // the same id again is not a request the sandbox could honestly make
    box.receive(ask);
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED' });
    expect(onNetwork).toHaveBeenCalledTimes(1);
    client.dispose();
  });

  it('checks a call’s answer against its method', async () => {
    const { open, boxes } = fakes();
    const client = new SandboxClient(open);
    const pong = client.call('ping');
    const box = boxes[0] as FakeSandbox;
    box.ready(true);
    await turn();
    const first = box.sent.at(-1) as { id: string };
    box.receive({ type: 'call/response', id: first.id, ok: true, value: 'pong' });
    await expect(pong).resolves.toBe('pong');
    const bad = client.inspect({ files: { 'main.ts': '1' }, main: 'main.ts' });
    await turn();
    const second = box.sent.at(-1) as { id: string; method: string };
    expect(second.method).toBe('inspect');
    box.receive({ type: 'call/response', id: second.id, ok: true, value: { network: [42] } });
    await expect(bad).rejects.toMatchObject({ code: 'CLIENT_TERMINATED' });
    expect(box.destroyed).toBe(1);
    client.dispose();
  });
});
