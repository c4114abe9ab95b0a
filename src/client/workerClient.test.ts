import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL, readControl, writeProgress } from '../shared/control';
import type { RunProgress } from '../protocol/run';
import { request } from '../../test/engine';
import { ClientError } from './client';
import { WorkerClient } from './workerClient';

/** A worker that never answers: what the client does on its own side is all there is to see. */
class SilentWorker {
  terminated = 0;
  readonly sent: unknown[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  terminate(): void {
    this.terminated++;
  }
}

/** The control block the client handed to the worker, found in Comlink's call message. */
function controlOf(worker: SilentWorker): Int32Array | undefined {
  for (const m of worker.sent) {
    const args = (m as { argumentList?: Array<{ value?: unknown }> }).argumentList ?? [];
    for (const a of args) if (a.value instanceof Int32Array) return a.value;
  }
  return undefined;
}

const g = globalThis as { window?: unknown; crossOriginIsolated?: boolean };
beforeAll(() => {
  // the client runs on a page: its timers are the window's
  g.window ??= globalThis;
});
afterEach(() => {
  g.crossOriginIsolated = undefined;
});

describe('WorkerClient', () => {
  it('[K-CTL4] without cross-origin isolation, a stop terminates and replaces the worker', async () => {
    const workers: SilentWorker[] = [];
    const client = new WorkerClient(() => {
      const w = new SilentWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const run = client.run(request('while (true) {}'));
    client.cancel();
    await expect(run).rejects.toBeInstanceOf(ClientError);
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED' });
    expect(workers[0]?.terminated).toBe(1);
    expect(controlOf(workers[0] as SilentWorker)).toBeUndefined();
    void client.run(request('1')).catch(() => {});
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('[K-CTL1] [K-CTL3] isolated: the stop goes into the shared block, and progress is read from it', async () => {
    g.crossOriginIsolated = true;
    const worker = new SilentWorker();
    const client = new WorkerClient(() => worker as unknown as Worker);
    const seen: RunProgress[] = [];
    const run = client.run(request('while (true) {}', { settings: { timeLimitMs: 9000 } }), {
      onProgress: (p) => seen.push(p),
    });
    run.catch(() => {});
    await new Promise((r) => setTimeout(r, 0));
    const control = controlOf(worker);
    expect(control?.buffer).toBeInstanceOf(SharedArrayBuffer);
    if (!control) return;
    // the engine writes progress; the client reads it on its own, within its 50 ms poll
    writeProgress(control, 'RUNNING', 1234, 56);
    await new Promise((r) => setTimeout(r, 80));
    expect(seen.at(-1)).toEqual({ steps: 1234, elapsedMs: 56, timeLimitMs: 9000 });
    client.cancel();
    expect(readControl(control).stop).toBe(true);
    expect(Atomics.load(control, CONTROL.STOP)).toBe(1);
    // no answer from the worker: after the grace period it is terminated all the same
    await expect(run).rejects.toMatchObject({ code: 'CLIENT_TERMINATED' });
    expect(worker.terminated).toBe(1);
  });
});
