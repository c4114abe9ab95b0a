import type { HeadlessOutcome, HeadlessRunOptions } from '../protocol/process';
import { deathFailure, HOST_CODES, hostFailure } from './failure';
import type { ParsedRequest } from './request';
import { TraceCollector } from './traceCollector';
import { withTrace } from './traceOutput';
import type { WorkerProcess } from './workerProcess';

/** How the pool is sized and bounded. */
export interface PoolSettings {
  /** Worker processes, each running one request at a time. */
  size: number;
  /** Requests that may wait for a worker; past it, `submit` refuses. */
  queue: number;
  /** The heap limit of each worker (`--max-old-space-size`), for messages. */
  memoryLimitMb: number;
  /** Milliseconds past a run's time limit before its worker is killed. */
  slackMs: number;
  /** Runs a worker answers before it is replaced by a fresh one; 0 for no bound. */
  runsPerWorker: number;
  /** Starts a worker process hosting `worker/node.worker.ts` (`spawnWorker.ts`). */
  startWorker: () => WorkerProcess;
}

/** A request accepted by the pool. */
export interface Ticket {
  /** Settles once with the response, whatever happened to the worker. */
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
  /** The run's trace as its worker streams it, kept here. */
  collector: TraceCollector;
  /** Asks the run to stop, once it runs. */
  stop?: () => void;
}

/**
 * A fixed set of worker processes and a bounded queue. A worker whose run ignores its time limit or
 * a stop is killed and replaced; so is one that runs out of memory, crashes or breaks the protocol.
 * Nothing grows without bound: at most `size` runs and `queue` waiting requests are held.
 */
export class Pool {
  private readonly workers: WorkerProcess[];
  private readonly free: WorkerProcess[];
  private readonly waiting: Job[] = [];
  /** Runs answered by each live worker, for `runsPerWorker`. */
  private readonly answered = new WeakMap<WorkerProcess, number>();
  private running = 0;
  private closed = false;

  constructor(private readonly settings: PoolSettings) {
    this.workers = Array.from({ length: settings.size }, () => settings.startWorker());
    this.free = [...this.workers];
  }

  /** Resolves with the import allowlist once every worker has loaded the engine. */
  async start(): Promise<string[]> {
    const lists = await Promise.all(this.workers.map((t) => t.ready()));
    return lists[0] ?? [];
  }

  /** Runs in flight and requests waiting. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Accepts a request, or refuses it (undefined) when every worker is busy and the queue is full.
   * `onChunk` hears each trace chunk's bytes (checked) as the run streams them.
   */
  submit(
    parsed: ParsedRequest,
    options: HeadlessRunOptions,
    onChunk?: (bytes: Uint8Array) => void,
  ): Ticket | undefined {
    if (this.free.length === 0 && this.waiting.length >= this.settings.queue) return undefined;
    let job!: Job;
    // a run's chunks are bounded like a worker's answer was: twice its heap
    const collector = new TraceCollector(2 * this.settings.memoryLimitMb * 2 ** 20, onChunk);
    const outcome = new Promise<HeadlessOutcome>((resolve) => (job = { parsed, options, resolve, collector }));
    const worker = this.free.pop();
    if (worker) this.dispatch(worker, job);
    else this.waiting.push(job);
    const cancel = (): void => {
      const at = this.waiting.indexOf(job);
      if (at < 0) return job.stop?.();
      this.waiting.splice(at, 1);
      job.resolve(
        withTrace(
          hostFailure(
            { phase: 'stopped', code: HOST_CODES.STOPPED, message: 'cli/pool: the client went away' },
            { ...options, limits: parsed.limits },
          ),
          options.trace,
          options.indent,
        ),
      );
    };
    return { outcome, cancel };
  }

  /** Kills every worker; none is started again. */
  close(): void {
    this.closed = true;
    for (const t of this.workers) t.terminate('cli/pool: closed');
  }

  private dispatch(free: WorkerProcess, job: Job): void {
    // a worker may die between runs (an error thrown late by a script's stray callback): replace it first
    const worker = free.alive ? free : this.replace(free);
    this.running++;
    const started = performance.now();
    const { request, limits } = job.parsed;
    const run = worker.run(request, job.options, undefined, (bytes) => job.collector.add(bytes));
    job.stop = run.stop;
    // the time limit counts from when the worker has loaded the engine, not from its start
    let ended = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    worker.ready().then(
      () => {
        if (!ended)
          watchdog = setTimeout(() => worker.terminate('time limit'), limits.timeLimitMs + this.settings.slackMs);
      },
      () => undefined, // the worker died before it was up: `run.done` says so
    );
    void run.done.then((end) => {
      ended = true;
      clearTimeout(watchdog);
      this.running--;
      const runs = (this.answered.get(worker) ?? 0) + 1;
      this.answered.set(worker, runs);
      const spent = this.settings.runsPerWorker > 0 && runs >= this.settings.runsPerWorker;
      // a fresh worker starts loading at once, while this answer is sent
      const next = (end.kind === 'died' || spent) && !this.closed ? this.replace(worker) : worker;
      const { trace, indent } = job.options;
      // the trace is put together here, in the pool's process, once the watchdog is off
      job.resolve(
        end.kind === 'answered'
          ? withTrace(end.outcome, trace, indent, job.collector.trace())
          : withTrace(
              deathFailure(
                { ...end, wallMs: performance.now() - started },
                { ...job.options, limits, memoryLimitMb: this.settings.memoryLimitMb },
              ),
              trace,
              indent,
              job.collector.trace(),
              true,
            ),
      );
      if (this.closed) return;
      const queued = this.waiting.shift();
      if (queued) this.dispatch(next, queued);
      else this.free.push(next);
    });
  }

  /** Kills a worker (when it is not dead already) and puts a new one in its place. */
  private replace(worker: WorkerProcess): WorkerProcess {
    worker.terminate('replaced');
    const next = this.settings.startWorker();
    this.workers[this.workers.indexOf(worker)] = next;
    return next;
  }
}
