import { System, type LoopHost } from '../kernel/system';
import { TimerDevice, type TimerHost } from '../kernel/aio/timer';
import { PromiseDevice } from '../kernel/aio/promise';
import { NetworkDevice, type NetworkHost } from '../kernel/aio/network';
import type { RunProgress, RunRequest, RunResponse } from '../protocol/run';
import type { Clock } from '../shared/clock';
import type { ControllerEnv } from './controller';
import { runCoroutine, type RunSubmission } from './runCoroutine';
import { hardenShared, type ScopeFactory } from './confine';
import { ALLOWED_PACKAGES } from './layers';
import { StepgraphError } from '../shared/errors';

let shared = false;
/** Once per host: what every run shares and a script can reach is frozen before the first run. */
function hardenOnce(): void {
  if (shared) return;
  hardenShared([...Object.values(ALLOWED_PACKAGES).flatMap((ns) => Object.values(ns)), StepgraphError]);
  shared = true;
}

/** What a host (Web Worker, Node worker thread, test) provides to the engine. */
export interface EngineHost extends LoopHost, Clock {
  /** Timers for the kernel's `timer` AIO device. */
  timers: TimerHost;
  /** HTTP for the kernel's `network` device; without it a script's `fetch` fails (K-NET2). */
  fetch?: NetworkHost;
}

/** Per-run hooks from the host. */
export interface RunHooksLocal {
  /** Progress listener. */
  onProgress?: (p: RunProgress) => void;
  /** Progress reports carry the trace recorded since the previous one, as chunks (T-CHUNK1). */
  streamTrace?: boolean;
  /** Milliseconds between progress reports (100 unless said). */
  progressEveryMs?: number;
  /** True once the host asked the run to stop. */
  stopRequested?: () => boolean;
  /** A control block (`shared/control.ts`): its stop flag stops the run; progress is written into it at every check. */
  control?: Int32Array;
}

/** The core as a host sees it: a kernel with the `run` request kind registered, and its loop running. */
export class Engine {
  private readonly system: System;
  private readonly looping: Promise<void>;

  constructor(
    private readonly host: EngineHost,
    /** Only `npm run bench` passes one: scripts then run unconfined, to measure what confinement costs. */
    private readonly scope?: ScopeFactory,
    /** Only the conformance runner passes false: scripts then run in the same compartments, uninstrumented. */
    private readonly traced = true,
  ) {
    hardenOnce();
    this.system = new System([new TimerDevice(host.timers), new PromiseDevice(), new NetworkDevice(host.fetch)]);
    this.system.addOnRequest('run', (sub) => runCoroutine(sub as RunSubmission));
    this.looping = this.system.loop(host);
  }

  /**
   * Runs a request through the kernel; resolves with its response (also for failed runs). The host
   * gets a turn first: runs awaited back to back would otherwise chain through microtasks alone, and
   * the previous runs' host callbacks (and all they hold) would wait forever.
   */
  async run(request: RunRequest, hooks: RunHooksLocal = {}): Promise<RunResponse> {
    await this.host.yieldToHost();
    const env: ControllerEnv = {
      clock: this.host,
      sleep: (ms: number) => this.system.io<void>('timer', { ms }),
      io: (kind, submission) => this.system.io(kind, submission),
      turn: () => this.host.yieldToHost(),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.streamTrace ? { streamTrace: true } : {}),
      ...(hooks.progressEveryMs === undefined ? {} : { progressEveryMs: hooks.progressEveryMs }),
      ...(hooks.stopRequested ? { stopRequested: hooks.stopRequested } : {}),
      ...(hooks.control ? { control: hooks.control } : {}),
      ...(this.scope ? { scope: this.scope } : {}),
      ...(this.traced ? {} : { traced: false }),
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
