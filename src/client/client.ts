import type { NetworkRequest, NetworkResponse } from '../protocol/network';
import type { RunErrorCode } from '../protocol/codes';
import type { RunInspection, RunProgress, RunRequest, RunResponse } from '../protocol/run';

/** Options of one run on the host side. */
export interface RunOptions {
  /** Progress reports during a long run. */
  onProgress?: (p: RunProgress) => void;
  /** Performs a script's HTTP request on the host's side (the page: the sandbox has no network); it rejects to refuse. Requests of a run without it fail. */
  onNetwork?: (req: NetworkRequest) => Promise<NetworkResponse>;
}

/**
 * The only way the UI (or the CLI) reaches the engine. How the engine is hosted (Web Worker,
 * in-process, Node worker thread) is the client's business.
 */
export interface StepgraphClient {
  /** Runs a request; resolves with its response, a failed run included. Rejects only if the run was stopped by terminating the worker (`ClientError`). */
  run(request: RunRequest, options?: RunOptions): Promise<RunResponse>;
  /** What the playground's manifests ask for (C-NET3), without running it: the URL patterns to ask the person about. */
  inspect(request: Pick<RunRequest, 'files' | 'main'>): Promise<RunInspection>;
  /** Stops the current run at once; its partial trace still arrives through `run`'s promise when the engine can stop cooperatively. */
  cancel(): void;
  /** Frees the worker (or sandbox). */
  dispose(): void;
}

/** What made the client end a run itself: the run's time limit, a stop, or a failure of the sandbox. */
export type TerminationReason = 'time-limit' | 'stop' | 'failure';

/** Why a run ended without a response from the engine. */
export class ClientError extends Error {
  constructor(
    /** `CLIENT_TERMINATED` (stopped by terminating the worker) or `CLIENT_DISPOSED`. */
    readonly code: Extract<RunErrorCode, 'CLIENT_TERMINATED' | 'CLIENT_DISPOSED'>,
    message: string,
    /** Why the worker was terminated, so the page names the budget or the stop rather than a failure. */
    readonly reason: TerminationReason = 'failure',
  ) {
    super(message);
    this.name = 'ClientError';
  }
}
