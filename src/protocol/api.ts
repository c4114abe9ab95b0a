import type { RunInspection, RunProgress, RunRequest, RunResponse } from './run';

/** Called now and then during a long run. */
export type ProgressListener = (progress: RunProgress) => void;

/** What the worker exposes. The only remote API; `client/` wraps it. */
export interface RuntimeApi {
  /**
   * Runs a request to completion (or failure) and returns its trace.
   * `control` is a control block over shared memory (`src/shared/control.ts`): the host sets its
   * stop slot to stop the run and reads progress from it while the script runs, without a message;
   * the worker writes it at every context check. It needs a cross-origin isolated page; without it
   * the host stops a run by terminating the worker.
   */
  run(request: RunRequest, onProgress?: ProgressListener, control?: Int32Array): Promise<RunResponse>;
  /** What the playground's manifests ask for (C-NET3), read without running it: the page asks the person before the run. */
  inspect(request: Pick<RunRequest, 'files' | 'main'>): Promise<RunInspection>;
  /** Answers at once; used to check the worker is alive. */
  ping(): Promise<'pong'>;
}
