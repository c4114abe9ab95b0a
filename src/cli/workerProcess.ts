import type { ChildProcess } from 'node:child_process';
import type { Duplex } from 'node:stream';
import type { HeadlessOutcome, HeadlessRunOptions, HostMessage, WorkerMessage } from '../protocol/process';
import type { RunRequest } from '../protocol/run';
import { encodeFrame, FrameReader } from './frames';
import { checkWorkerMessage } from './workerMessages';

/** Why a worker process ended under a run. */
export type WorkerDeath = 'terminated' | 'stopped' | 'out-of-memory' | 'protocol' | 'crashed';

/** How a run ended, seen from the pool. */
export type RunEnd =
  | { kind: 'answered'; outcome: HeadlessOutcome }
  | { kind: 'died'; reason: WorkerDeath; message: string; steps: number };

/** A run in progress on a worker process. */
export interface WorkerRun {
  /** Settles once, with the answer or with the process's death. */
  done: Promise<RunEnd>;
  /** Asks the run to stop; a worker that has not answered `stopGraceMs` later is killed. */
  stop(): void;
}

/** What the pool holds a worker process to. */
export interface WorkerBounds {
  /** The longest message accepted from the worker, in bytes; a longer one ends it. */
  maxMessageBytes: number;
  /** Milliseconds a worker has to answer a stop before it is killed. */
  stopGraceMs: number;
}

/** Bytes of a worker's own output (not its scripts': those are captured) passed on to stderr. */
const LOG_LIMIT = 64 * 1024;
/** Characters of a worker's stderr kept to tell why it died. */
const TAIL = 4096;
/** What V8 prints when a heap goes past `--max-old-space-size`. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/;

let nextId = 1;

/**
 * One worker process hosting the engine, one run at a time (`protocol/process.ts`). Every message it
 * sends is checked; one outside the protocol, or about a run it was not given, kills it. Code that
 * escapes the engine's cooperative checks is ended by `terminate`; the process is then dead and the
 * owner replaces it.
 */
export class WorkerProcess {
  private readonly channel: Duplex;
  private readonly reader: FrameReader;
  private readonly started: Promise<string[]>;
  private isReady = false;
  private onReady: (imports: string[]) => void = () => undefined;
  private onGone: (e: Error) => void = () => undefined;
  private death: { reason: WorkerDeath; message: string } | undefined;
  private closed = false;
  private current:
    | {
        id: number;
        steps: number;
        onProgress: ((steps: number) => void) | undefined;
        onChunk: ((bytes: Uint8Array) => string | undefined) | undefined;
        answer: (o: HeadlessOutcome) => void;
        gone: () => void;
      }
    | undefined;
  private probing: ((results: Record<string, string>) => void) | undefined;
  private tail = '';
  private logged = 0;

  constructor(
    private readonly child: ChildProcess,
    private readonly bounds: WorkerBounds,
  ) {
    this.channel = child.stdio[3] as Duplex;
    this.reader = new FrameReader(bounds.maxMessageBytes);
    this.started = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.onGone = reject;
    });
    this.started.catch(() => undefined);
    this.channel.on('data', (chunk: Buffer) => this.receive(chunk));
    // writing to a worker that just died fails; its `close` says what happened
    this.channel.on('error', () => undefined);
    child.stdout?.on('data', (d: Buffer) => this.log(d));
    child.stderr?.on('data', (d: Buffer) => {
      this.tail = (this.tail + d.toString()).slice(-TAIL);
      this.log(d);
    });
    child.once('error', (e) => this.ended(`the worker process could not start (${e.message})`));
    child.once('close', (code, signal) =>
      this.ended(signal ? `the worker process was killed by ${signal}` : `the worker process exited with code ${code}`),
    );
  }

  /** False once the process has died or was ended. */
  get alive(): boolean {
    return !this.closed && this.death === undefined;
  }

  /** Resolves with the import allowlist once the process has loaded the engine; rejects if it ends first. */
  ready(): Promise<string[]> {
    return this.started;
  }

  /** The process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Starts a run; the caller must not start another before `done` settles. `onProgress` hears the
   * steps recorded so far; `onChunk` takes each trace chunk's bytes, and says what is wrong with one
   * (the worker is then ended as broken).
   */
  run(
    request: RunRequest,
    options: HeadlessRunOptions,
    onProgress?: (steps: number) => void,
    onChunk?: (bytes: Uint8Array) => string | undefined,
  ): WorkerRun {
    const id = nextId++;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const done = new Promise<RunEnd>((resolve) => {
      const run = {
        id,
        steps: 0,
        onProgress,
        onChunk,
        answer: (outcome: HeadlessOutcome) => resolve({ kind: 'answered', outcome }),
        gone: () => {
          const { reason, message } = this.death ?? { reason: 'crashed' as const, message: 'the worker process ended' };
          resolve({ kind: 'died', reason, message, steps: run.steps });
        },
      };
      this.current = run;
      if (this.closed) run.gone();
    });
    void done.then(() => clearTimeout(grace));
    this.send({ tag: 'run/start', id, request, options });
    const stop = (): void => {
      if (this.current?.id !== id || grace) return;
      this.send({ tag: 'run/stop', id });
      // the worker reads the stop once its event loop turns: synchronous code may keep it from answering
      grace = setTimeout(
        () => this.terminate(`the run did not stop within ${this.bounds.stopGraceMs} ms of being asked`, 'stopped'),
        this.bounds.stopGraceMs,
      );
    };
    return { done, stop };
  }

  /** Tests only: what the process itself may do (answered only by a worker started with the probe). */
  probe(): Promise<Record<string, string>> {
    return new Promise((resolve, reject) => {
      this.probing = resolve;
      this.started.catch(reject);
      this.send({ tag: 'debug/probe' });
    });
  }

  /** Closes the channel with no run in progress: the process exits by itself once it reads the end. */
  end(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.channel.end();
    });
  }

  /** Kills the process at once; a run in progress ends with `reason`. */
  terminate(message: string, reason: WorkerDeath = 'terminated'): void {
    this.death ??= { reason, message };
    this.child.kill('SIGKILL');
  }

  private send(message: HostMessage): void {
    if (this.alive) this.channel.write(encodeFrame(message));
  }

  private receive(chunk: Buffer): void {
    if (!this.alive) return;
    const read = this.reader.push(chunk);
    if ('error' in read) return this.broke(read.error);
    for (const raw of read.messages) {
      const message = checkWorkerMessage(raw);
      if (!message) return this.broke(`a message outside the protocol`);
      const why = this.accept(message);
      if (why) return this.broke(why);
    }
  }

  /** Acts on a well-formed message; says what is wrong when it does not fit the worker's state. */
  private accept(m: WorkerMessage): string | undefined {
    if (m.tag === 'worker/ready') {
      if (this.isReady) return 'worker/ready twice';
      this.isReady = true;
      this.onReady(m.imports);
      return undefined;
    }
    if (m.tag === 'debug/probed') {
      if (!this.probing) return 'debug/probed unasked';
      this.probing(m.results);
      this.probing = undefined;
      return undefined;
    }
    const run = this.current;
    if (!this.isReady || run?.id !== m.id) return `${m.tag} about run ${m.id}, which it was not given`;
    if (m.tag === 'run/chunk') return run.onChunk ? run.onChunk(m.bytes) : 'run/chunk of a run without a trace';
    if (m.tag === 'run/progress') {
      run.steps = m.steps;
      run.onProgress?.(m.steps);
      return undefined;
    }
    this.current = undefined;
    run.answer(m.outcome);
    return undefined;
  }

  private broke(why: string): void {
    this.terminate(`the worker process broke the protocol: ${why}`, 'protocol');
  }

  private ended(message: string): void {
    if (this.closed) return;
    this.closed = true;
    this.death ??= OUT_OF_MEMORY.test(this.tail)
      ? { reason: 'out-of-memory', message }
      : { reason: 'crashed', message };
    this.onGone(new Error(`cli/worker: the worker process ended before it was ready (${this.death.message})`));
    const run = this.current;
    this.current = undefined;
    run?.gone();
  }

  /** Passes the process's own output on to stderr (stdout carries only responses), up to a bound. */
  private log(d: Buffer): void {
    if (this.logged >= LOG_LIMIT) return;
    this.logged += d.length;
    process.stderr.write(d);
    if (this.logged >= LOG_LIMIT)
      process.stderr.write('\nstepgraph: a worker process printed more; the rest is dropped\n');
  }
}
