import * as Comlink from 'comlink';
import nodeEndpoint, { type NodeEndpoint } from 'comlink/dist/esm/node-adapter';
import type { RunRequest } from '../protocol/run';
import type { TraceError } from '../protocol/trace';
import { createControlBlock, readControl, requestStop } from '../shared/control';

/** The part of a Node `Worker` this client uses; injected, so client/ needs no Node typings. */
export interface NodeThread extends NodeEndpoint {
  /** Stops the thread at once, whatever it is running. */
  terminate(): Promise<number>;
  /** `error` (an uncaught error, or `ERR_WORKER_OUT_OF_MEMORY`) comes before `exit`. */
  once(event: 'exit' | 'error', listener: (value: unknown) => void): unknown;
}

/** How the host wants one run answered (mirrors `worker/headlessApi.ts`). */
export interface HeadlessRunOptions {
  /** Reported as the response's `version`. */
  version: string;
  /** `steps`: the trace in its JSON form; `none`: no trace. */
  trace: 'steps' | 'none';
  /** Spaces of indentation of the JSON text, 0 for one line. */
  indent: number;
}

/** A run's answer from the worker (mirrors `worker/headlessApi.ts`). */
export interface HeadlessOutcome {
  /** The executor's response, serialised. */
  body: string;
  /** Its `ok`. */
  ok: boolean;
  /** Its error's phase and code, when not `ok`. */
  error?: { phase: TraceError['kind']; code: string };
}

/** What `worker/node.worker.ts` exposes; `test/cli/types.test.ts` checks the two sides agree. */
export interface HeadlessApi {
  /** Runs one request under the control block's stop flag. */
  run(request: RunRequest, control: Int32Array, options: HeadlessRunOptions): Promise<HeadlessOutcome>;
  /** The import allowlist; answering also says the thread is up. */
  allowedImports(): Promise<string[]>;
}

/** Why a thread ended under a run: terminated by the host, out of memory, or any other crash. */
export type ThreadDeath = 'terminated' | 'out-of-memory' | 'crashed';

/** How a run ended, seen from the host. */
export type NodeRunEnd =
  | { kind: 'answered'; outcome: HeadlessOutcome }
  | { kind: 'died'; reason: ThreadDeath; message: string; steps: number };

/** A run in progress on a thread. */
export interface NodeRun {
  /** Settles once, with the answer or with the thread's death. */
  done: Promise<NodeRunEnd>;
  /** Asks the run to stop between two statements (the engine answers with its partial trace). */
  stop(): void;
}

/**
 * One Node worker thread hosting the engine, one run at a time. Code that escapes the engine's
 * cooperative checks is ended by `terminate`; the thread is then dead and the owner replaces it.
 */
export class NodeWorkerClient {
  private readonly thread: NodeThread;
  private readonly api: Comlink.Remote<HeadlessApi>;
  private death: { reason: ThreadDeath; message: string } | undefined;
  private exited = false;
  private onExit: (() => void) | undefined;
  private readonly started: Promise<string[]>;

  constructor(makeThread: () => NodeThread) {
    this.thread = makeThread();
    this.api = Comlink.wrap<HeadlessApi>(nodeEndpoint(this.thread));
    this.started = new Promise((resolve, reject) => {
      this.api.allowedImports().then(resolve, reject);
      this.thread.once('exit', () =>
        reject(new Error(`client/nodeWorker: the thread ended before it was ready (${this.death?.message ?? ''})`)),
      );
    });
    this.started.catch(() => undefined);
    this.thread.once('error', (e) => {
      const oom = (e as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.death ??= { reason: oom ? 'out-of-memory' : 'crashed', message: e instanceof Error ? e.message : String(e) };
    });
    this.thread.once('exit', (code) => {
      this.exited = true;
      this.death ??= { reason: 'crashed', message: `the worker thread exited with code ${String(code)}` };
      this.onExit?.();
    });
  }

  /** False once the thread has died or was terminated. */
  get alive(): boolean {
    return !this.exited && this.death === undefined;
  }

  /** Resolves with the import allowlist once the thread has loaded the engine; rejects if it ends first. */
  ready(): Promise<string[]> {
    return this.started;
  }

  /** Starts a run; the caller must not start another before `done` settles. */
  run(request: RunRequest, options: HeadlessRunOptions): NodeRun {
    const control = createControlBlock(true);
    const died = new Promise<NodeRunEnd>((resolve) => {
      const settle = (): void => {
        const { reason, message } = this.death ?? { reason: 'crashed', message: 'the worker thread exited' };
        resolve({ kind: 'died', reason, message, steps: readControl(control).steps });
      };
      if (this.exited) settle();
      else this.onExit = settle;
    });
    const answered = this.api.run(request, control, options).then(
      (outcome): NodeRunEnd => ({ kind: 'answered', outcome }),
      // the call itself failed (the request could not be sent): the owner treats the thread as dead
      (e: unknown): NodeRunEnd => ({ kind: 'died', reason: 'crashed', message: String(e), steps: 0 }),
    );
    return { done: Promise.race([answered, died]), stop: () => requestStop(control) };
  }

  /** Ends the thread at once; a run in progress ends as `terminated`. */
  terminate(message: string): void {
    this.death ??= { reason: 'terminated', message };
    void this.thread.terminate();
  }
}
