import {
  NodeWorkerClient,
  type HeadlessOutcome,
  type HeadlessRunOptions,
  type NodeThread,
} from '../client/nodeWorkerClient';
import { deathFailure, hostFailure } from './failure';
import type { ParsedRequest } from './request';

/** How the pool is sized and bounded. */
export interface PoolSettings {
  /** Worker threads, each running one request at a time. */
  size: number;
  /** Requests that may wait for a thread; past it, `submit` refuses. */
  queue: number;
  /** The heap limit of each thread (its `resourceLimits`), for messages. */
  memoryLimitMb: number;
  /** Milliseconds past a run's time limit before its thread is terminated. */
  slackMs: number;
  /** Starts a worker thread hosting `worker/node.worker.ts`. */
  makeThread: () => NodeThread;
}

/** A request accepted by the pool. */
export interface Ticket {
  /** Settles once with the response, whatever happened to the thread. */
  outcome: Promise<HeadlessOutcome>;
  /** The caller went away: a waiting request leaves the queue, a running one is asked to stop. */
  cancel(): void;
}

/** A request in the queue or running. */
interface Job {
  /** The request, checked, with its limits. */
  parsed: ParsedRequest;
  /** How its response is made. */
  options: HeadlessRunOptions;
  /** Answers the caller. */
  resolve: (o: HeadlessOutcome) => void;
  /** Asks the run to stop, once it runs. */
  stop?: () => void;
}

/**
 * A fixed set of worker threads and a bounded queue. A thread whose run ignores its time limit is
 * terminated and replaced; so is one that runs out of memory or crashes. Nothing grows without bound:
 * at most `size` runs and `queue` waiting requests are held.
 */
export class Pool {
  private readonly threads: NodeWorkerClient[];
  private readonly free: NodeWorkerClient[];
  private readonly waiting: Job[] = [];
  private running = 0;
  private closed = false;

  constructor(private readonly settings: PoolSettings) {
    this.threads = Array.from({ length: settings.size }, () => new NodeWorkerClient(settings.makeThread));
    this.free = [...this.threads];
  }

  /** Resolves with the import allowlist once every thread has loaded the engine. */
  async start(): Promise<string[]> {
    const lists = await Promise.all(this.threads.map((t) => t.ready()));
    return lists[0] ?? [];
  }

  /** Runs in flight and requests waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Accepts a request, or refuses it (undefined) when every thread is busy and the queue is full. */
  submit(parsed: ParsedRequest, options: HeadlessRunOptions): Ticket | undefined {
    if (this.free.length === 0 && this.waiting.length >= this.settings.queue) return undefined;
    let job!: Job;
    const outcome = new Promise<HeadlessOutcome>((resolve) => (job = { parsed, options, resolve }));
    const thread = this.free.pop();
    if (thread) this.dispatch(thread, job);
    else this.waiting.push(job);
    const cancel = (): void => {
      const at = this.waiting.indexOf(job);
      if (at < 0) return job.stop?.();
      this.waiting.splice(at, 1);
      job.resolve(
        hostFailure(
          { phase: 'stopped', code: 'STOPPED', message: 'cli/pool: the client went away' },
          { ...options, limits: parsed.limits },
        ),
      );
    };
    return { outcome, cancel };
  }

  /** Terminates every thread; none is started again. */
  close(): void {
    this.closed = true;
    for (const t of this.threads) t.terminate('cli/pool: closed');
  }

  private dispatch(free: NodeWorkerClient, job: Job): void {
    // a thread may die between runs (an error thrown late by a script's stray callback): replace it first
    const thread = free.alive ? free : this.replace(free);
    this.running++;
    const started = performance.now();
    const { request, limits } = job.parsed;
    const run = thread.run(request, job.options);
    job.stop = run.stop;
    // the time limit counts from when the thread has loaded the engine, not from its start
    let ended = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    thread.ready().then(
      () => {
        if (!ended)
          watchdog = setTimeout(() => thread.terminate('time limit'), limits.timeLimitMs + this.settings.slackMs);
      },
      () => undefined, // the thread died before it was up: `run.done` says so
    );
    void run.done.then((end) => {
      ended = true;
      clearTimeout(watchdog);
      this.running--;
      const next = end.kind === 'died' && !this.closed ? this.replace(thread) : thread;
      job.resolve(
        end.kind === 'answered'
          ? end.outcome
          : deathFailure(
              { ...end, wallMs: performance.now() - started },
              { ...job.options, limits, memoryLimitMb: this.settings.memoryLimitMb },
            ),
      );
      if (this.closed) return;
      const queued = this.waiting.shift();
      if (queued) this.dispatch(next, queued);
      else this.free.push(next);
    });
  }

  /** Terminates a thread (when it is not dead already) and puts a new one in its place. */
  private replace(thread: NodeWorkerClient): NodeWorkerClient {
    thread.terminate('replaced');
    const next = new NodeWorkerClient(this.settings.makeThread);
    this.threads[this.threads.indexOf(thread)] = next;
    return next;
  }
}
