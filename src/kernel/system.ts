import { StepgraphError } from '../shared/errors';
import type { Millis } from '../shared/brand';
import type { Completion, Cqe, Sqe } from './bus';
import { failure } from './bus';
import { API_CODES } from './api/codes';
import type { CoroutineBody } from './coroutine';
import type { AioDevice } from './aio/device';
import { BoundedQueue } from './queue';
import { Scheduler } from './scheduler';

/** Makes the coroutine that serves one API request of a kind. */
export type CoroutineFactory = (submission: unknown, now: Millis) => CoroutineBody<unknown>;

/** How the loop gives the host a turn between ticks and waits when idle. */
export interface LoopHost {
  /** Resolves after the host has handled its pending events (a macrotask). */
  yieldToHost(): Promise<void>;
  /** Current time for each tick. */
  now(): Millis;
}

/** Sizes of the kernel's queues. */
export interface SystemOptions {
  /** Capacity of the API submission queue. */
  apiQueueSize: number;
  /** Capacity of each AIO submission queue. */
  aioQueueSize: number;
  /** Most API submissions admitted per tick. */
  batchSize: number;
  /** Receives what an API callback threw, so one failing caller cannot stop the kernel or skip other callbacks. */
  onCallbackError: (error: unknown) => void;
}

const DEFAULTS: SystemOptions = {
  apiQueueSize: 100,
  aioQueueSize: 1000,
  batchSize: 100,
  // surfaces like an uncaught error in the host, after the kernel's state is consistent again
  onCallbackError: (error) => void Promise.reject(error),
};

/**
 * The kernel (after the Resonate kernel): API requests come in through a bounded submission
 * queue and become coroutines; coroutines yield AIO work into per-kind submission queues;
 * devices answer into one completion queue; `tick` moves everything one round.
 */
export class System {
  private readonly options: SystemOptions;
  private readonly factories = new Map<string, CoroutineFactory>();
  private readonly devices = new Map<string, AioDevice>();
  private readonly apiSq: BoundedQueue<Sqe>;
  private readonly aioSq = new Map<string, BoundedQueue<Sqe>>();
  private aioCq: Cqe[] = [];
  private readonly scheduler: Scheduler;
  private nextId = 0;
  private inFlightAio = 0;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(devices: AioDevice[], options: Partial<SystemOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.apiSq = new BoundedQueue(this.options.apiQueueSize);
    for (const d of devices) {
      this.devices.set(d.kind, d);
      this.aioSq.set(d.kind, new BoundedQueue(this.options.aioQueueSize));
    }
    this.scheduler = new Scheduler((kind, submission, callback) => this.submitAio(kind, submission, callback));
  }

  /** Registers the coroutine factory for API requests of `kind`. */
  addOnRequest(kind: string, factory: CoroutineFactory): void {
    this.factories.set(kind, factory);
  }

  /** True once `shutdown` was called. */
  get shuttingDown(): boolean {
    return this.stopping;
  }

  /**
   * Submits an API request. Refuses at once (the callback fires before this returns) with code
   * 50301 when the queue is full and 50300 when shutting down; otherwise the callback fires once,
   * during a later tick, with the coroutine's result.
   */
  submit(kind: string, submission: unknown, cb: (c: Completion) => void): void {
    const callback = this.once(cb);
    if (this.stopping) {
      callback(failure(new StepgraphError(API_CODES.SHUTTING_DOWN, 'kernel/submit: the system is shutting down')));
      return;
    }
    const sqe: Sqe = { id: this.nextId++, kind, submission, callback };
    if (!this.apiSq.offer(sqe)) {
      callback(failure(new StepgraphError(API_CODES.QUEUE_FULL, 'kernel/submit: the submission queue is full')));
      return;
    }
    this.poke();
  }

  /**
   * Submits AIO work from host code that runs outside a coroutine (a module's `sleep`);
   * the callback fires during a later tick.
   */
  submitAio(kind: string, submission: unknown, callback: (c: Completion) => void): void {
    const q = this.aioSq.get(kind);
    const sqe: Sqe = { id: this.nextId++, kind, submission, callback };
    if (!q) {
      this.complete(
        sqe,
        failure(new StepgraphError(API_CODES.AIO_UNKNOWN_KIND, `kernel/submitAio: no device for "${kind}"`)),
      );
    } else if (!q.offer(sqe)) {
      this.complete(
        sqe,
        failure(new StepgraphError(API_CODES.AIO_QUEUE_FULL, `kernel/submitAio: the "${kind}" queue is full`)),
      );
    } else this.poke();
  }

  /** The same as `submitAio`, as a promise. */
  io<T>(kind: string, submission: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.submitAio(kind, submission, (c) => (c.ok ? resolve(c.value as T) : reject(c.error))),
    );
  }

  /**
   * One round: take a batch of API submissions and every AIO completion, invoke the completion
   * callbacks, admit the new coroutines, run the scheduler until all have yielded or finished,
   * then hand the AIO submissions to their devices.
   */
  tick(now: Millis): void {
    const requests = this.apiSq.drain(this.options.batchSize);
    const completions = this.aioCq;
    this.aioCq = [];
    for (const cqe of completions) cqe.callback(cqe.completion);
    for (const sqe of requests) this.admit(sqe, now);
    this.scheduler.tick();
    this.flushAio();
  }

  /** Work that is not finished: queued requests, live coroutines, AIO in flight or unreported. */
  get busy(): boolean {
    return this.apiSq.length > 0 || this.scheduler.size > 0 || this.inFlightAio > 0 || this.aioCq.length > 0;
  }

  /** Refuses new requests from now on; `loop()` returns once admitted work is done. */
  shutdown(): void {
    this.stopping = true;
    this.poke();
  }

  /** Ticks until shut down and drained, giving the host a turn between ticks and sleeping when idle. */
  async loop(host: LoopHost): Promise<void> {
    for (;;) {
      this.tick(host.now());
      if (this.stopping && !this.busy) break;
      if (this.apiSq.length > 0 || this.aioCq.length > 0) await host.yieldToHost();
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
    for (const d of this.devices.values()) d.dispose?.();
  }

  private admit(sqe: Sqe, now: Millis): void {
    const factory = this.factories.get(sqe.kind);
    if (!factory) {
      sqe.callback(failure(new StepgraphError(API_CODES.UNKNOWN_KIND, `kernel/tick: no coroutine for "${sqe.kind}"`)));
      return;
    }
    let body: CoroutineBody<unknown>;
    try {
      body = factory(sqe.submission, now);
    } catch (error) {
      sqe.callback(failure(error));
      return;
    }
    this.scheduler.add(body, sqe.callback);
  }

  private flushAio(): void {
    for (const [kind, q] of this.aioSq) {
      if (q.length === 0) continue;
      const batch = q.drain();
      this.inFlightAio += batch.length;
      const device = this.devices.get(kind) as AioDevice;
      const pending = new Set(batch);
      device.process(batch, (sqe, completion) => {
        // a device that answers twice, or answers what it was not given, must not resume a coroutine twice
        if (!pending.delete(sqe)) return;
        this.inFlightAio--;
        this.complete(sqe, completion);
      });
    }
  }

  private complete(sqe: Sqe, completion: Completion): void {
    this.aioCq.push({ id: sqe.id, completion, callback: sqe.callback });
    this.poke();
  }

  /** Wraps an API callback: it fires at most once, and what it throws goes to `onCallbackError`. */
  private once(cb: (c: Completion) => void): (c: Completion) => void {
    let fired = false;
    return (c) => {
      if (fired) return;
      fired = true;
      try {
        cb(c);
      } catch (error) {
        this.options.onCallbackError(error);
      }
    };
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}
