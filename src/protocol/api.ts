import type { RunProgress, RunRequest, RunResponse } from './run';

/** Called now and then during a long run. */
export type ProgressListener = (progress: RunProgress) => void;

/** What the worker exposes. The only remote API; `client/` wraps it. */
export interface RuntimeApi {
  /**
   * Runs a request to completion (or failure) and returns its trace.
   * `cancelFlag` is a shared Int32Array(1) that the host sets to 1 to stop the run; the worker
   * reads it between steps. It needs a cross-origin isolated page; without it the host stops a run
   * by terminating the worker.
   */
  run(request: RunRequest, onProgress?: ProgressListener, cancelFlag?: Int32Array): Promise<RunResponse>;
  /** Answers at once; used to check the worker is alive. */
  ping(): Promise<'pong'>;
}
