import { System, type LoopHost } from '../kernel/system';
import { TimerDevice, type TimerHost } from '../kernel/aio/timer';
import { PromiseDevice } from '../kernel/aio/promise';
import type { RunProgress, RunRequest, RunResponse } from '../protocol/run';
import type { Clock } from '../shared/clock';
import { runCoroutine, type RunSubmission } from './runCoroutine';

/** What a host (Web Worker, Node worker thread, test) provides to the engine. */
export interface EngineHost extends LoopHost, Clock {
  /** Timers for the kernel's `timer` AIO device. */
  timers: TimerHost;
}

/** Per-run hooks from the host. */
export interface RunHooksLocal {
  /** Progress listener. */
  onProgress?: (p: RunProgress) => void;
  /** True once the host asked the run to stop. */
  stopRequested?: () => boolean;
}

/** The core as a host sees it: a kernel with the `run` request kind registered, and its loop running. */
export class Engine {
  private readonly system: System;
  private readonly looping: Promise<void>;

  constructor(private readonly host: EngineHost) {
    this.system = new System([new TimerDevice(host.timers), new PromiseDevice()]);
    this.system.addOnRequest('run', (sub) => runCoroutine(sub as RunSubmission));
    this.looping = this.system.loop(host);
  }

  /** Runs a request through the kernel; resolves with its response (also for failed runs). */
  run(request: RunRequest, hooks: RunHooksLocal = {}): Promise<RunResponse> {
    const env = {
      clock: this.host,
      sleep: (ms: number) => this.system.io<void>('timer', { ms }),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.stopRequested ? { stopRequested: hooks.stopRequested } : {}),
    };
    return new Promise((resolve, reject) =>
      this.system.submit('run', { request, env } satisfies RunSubmission, (c) =>
        c.ok ? resolve(c.value as RunResponse) : reject(c.error),
      ),
    );
  }

  /** Refuses new runs, lets admitted ones finish, then resolves. */
  async shutdown(): Promise<void> {
    this.system.shutdown();
    await this.looping;
  }
}
