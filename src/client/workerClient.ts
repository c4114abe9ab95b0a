import * as Comlink from 'comlink';
import type { RuntimeApi } from '../protocol/api';
import type { RunInspection, RunProgress, RunRequest, RunResponse } from '../protocol/run';
import { DEFAULT_SETTINGS } from '../protocol/run';
import { createControlBlock, readControl, requestStop } from '../shared/control';
import { ClientError, type RunOptions, type StepgraphClient } from './client';

/** How long a cooperative stop may take before the worker is terminated. */
const STOP_GRACE_MS = 250;
/** Slack past the time limit before a run that ignores it (a catastrophic regex) is terminated. */
const WATCHDOG_SLACK_MS = 2000;
/** How often progress is read from the control block while a run is busy (K-CTL3). */
const PROGRESS_POLL_MS = 50;

interface Current {
  control: Int32Array | undefined;
  reject: (e: unknown) => void;
  timers: number[];
  polls: number[];
}

/**
 * A client over a dedicated Web Worker. A stop first asks the run to end between two statements
 * (shared memory flag, when the page is cross-origin isolated), and terminates and replaces the
 * worker when that does not happen quickly: code that escapes cooperative checks is still stopped.
 */
export class WorkerClient implements StepgraphClient {
  private worker: Worker | undefined;
  private api: Comlink.Remote<RuntimeApi> | undefined;
  private current: Current | undefined;

  constructor(private readonly makeWorker: () => Worker) {}

  private remote(): Comlink.Remote<RuntimeApi> {
    if (!this.api) {
      this.worker = this.makeWorker();
      this.api = Comlink.wrap<RuntimeApi>(this.worker);
    }
    return this.api;
  }

  async run(request: RunRequest, options: RunOptions = {}): Promise<RunResponse> {
    if (this.current) this.terminate('a new run started');
    // K-CTL1: shared memory when the page is cross-origin isolated; K-CTL4: without it, stops terminate the worker
    const control = globalThis.crossOriginIsolated ? createControlBlock(true) : undefined;
    const api = this.remote();
    const progress = options.onProgress ? Comlink.proxy(options.onProgress) : undefined;
    const limit = request.settings?.timeLimitMs ?? DEFAULT_SETTINGS.timeLimitMs;
    return new Promise<RunResponse>((resolve, reject) => {
      const current: Current = { control, reject, timers: [], polls: [] };
      this.current = current;
      current.timers.push(
        window.setTimeout(() => this.terminate('the run ignored its time limit'), limit + WATCHDOG_SLACK_MS),
      );
      if (control && options.onProgress) current.polls.push(this.pollProgress(control, limit, options.onProgress));
      api.run(request, progress, control).then(
        (response) => {
          if (this.current !== current) return;
          this.finish();
          resolve(response);
        },
        (error: unknown) => {
          if (this.current !== current) return;
          this.finish();
          reject(error);
        },
      );
    });
  }

  inspect(request: Pick<RunRequest, 'files' | 'main'>): Promise<RunInspection> {
    return this.remote().inspect(request);
  }

  cancel(): void {
    const current = this.current;
    if (!current) return;
    if (current.control) {
      requestStop(current.control);
      current.timers.push(
        window.setTimeout(() => this.terminate('the run did not stop between statements'), STOP_GRACE_MS),
      );
    } else this.terminate('stopped');
  }

  dispose(): void {
    const current = this.current;
    this.finish();
    current?.reject(new ClientError('CLIENT_DISPOSED', 'client/dispose: the client was disposed'));
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }

  private finish(): void {
    for (const t of this.current?.timers ?? []) window.clearTimeout(t);
    for (const t of this.current?.polls ?? []) window.clearInterval(t);
    this.current = undefined;
  }

  /** Reads progress from the control block, which the engine writes even while the script holds the worker's thread. */
  private pollProgress(control: Int32Array, timeLimitMs: number, onProgress: (p: RunProgress) => void): number {
    let seen = 0;
    return window.setInterval(() => {
      const c = readControl(control);
      if (c.seq === seen || c.state !== 'running') return;
      seen = c.seq;
      onProgress({ steps: c.steps, elapsedMs: c.elapsedMs, timeLimitMs });
    }, PROGRESS_POLL_MS);
  }

  /** Ends the current run by terminating the worker; the next run gets a fresh one. */
  private terminate(why: string): void {
    const current = this.current;
    this.finish();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    current?.reject(new ClientError('CLIENT_TERMINATED', `client/terminate: ${why}; the worker was restarted`));
  }
}

/** The browser's client: a module worker built from `src/worker/runtime.worker.ts`. */
export function createBrowserClient(): StepgraphClient {
  return new WorkerClient(
    () =>
      new Worker(new URL('../worker/runtime.worker.ts', import.meta.url), {
        type: 'module',
        name: 'stepgraph-runtime',
      }),
  );
}
