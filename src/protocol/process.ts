import type { RunRequest } from './run';
import type { TraceError } from './trace';

/*
 * The contract between the headless executor's pool (`cli/`) and a worker process
 * (`worker/node.worker.ts`). Messages travel as frames on the child's file descriptor 3: a 4-byte
 * big-endian length, then that many bytes of UTF-8 JSON. A frame whose length has its top bit set is
 * binary instead (worker → pool only): a `run/chunk`, the run's id as 4 big-endian bytes, then a
 * trace chunk in its binary form (`tracer/traceBinary.ts`), sent while the run goes on so that what
 * was recorded outlives a worker the watchdog kills. The pool checks every message from a worker
 * against these shapes (`cli/workerMessages.ts`) before using it, and ends a worker that sends
 * anything else: the worker runs strangers' scripts, so it is not trusted.
 */

/**
 * How a response carries its trace (docs/EXECUTOR.md): `columns`, the compact columnar form (the
 * default); `steps`, one object per step (small traces only); `file`, the binary trace file, streamed
 * (`serve` only; `run` has `--trace-file`); `none`, no trace.
 */
export type TraceForm = 'columns' | 'steps' | 'file' | 'none';

/** How the host wants one run answered. */
export interface HeadlessRunOptions {
  /** Reported as the response's `version`. */
  version: string;
  /** `none`: no trace; any other form: the worker streams the trace as `run/chunk` frames, and the host builds the response's trace from them. */
  trace: TraceForm;
  /** Spaces of indentation of the JSON text, 0 for one line. */
  indent: number;
}

/** A run's answer: the response as JSON text and what the host needs of it. */
export interface HeadlessOutcome {
  /** The executor's response (`worker/headlessResponse.ts`), serialised; from a worker, without its trace (the host adds it from the chunks). */
  body: string;
  /** Its `ok`. */
  ok: boolean;
  /** Its error's phase and code, when not `ok`: the host picks an exit code from the phase. */
  error?: { phase: TraceError['kind']; code: string };
}

/** Pool → worker: run one request (only when the worker has no run). */
export interface RunStartMessage {
  /** Always `run/start`. */
  tag: 'run/start';
  /** Chosen by the pool; every answer about this run carries it. */
  id: number;
  /** What the engine runs. */
  request: RunRequest;
  /** How the response is made. */
  options: HeadlessRunOptions;
}

/** Pool → worker: stop the run between two statements (read once the worker's event loop turns). */
export interface RunStopMessage {
  /** Always `run/stop`. */
  tag: 'run/stop';
  /** The run to stop; another id is ignored. */
  id: number;
}

/** Pool → worker, tests only: try what the permission model forbids; answered only by a worker started with the probe enabled. */
export interface DebugProbeMessage {
  /** Always `debug/probe`. */
  tag: 'debug/probe';
}

/** What the pool sends a worker. */
export type HostMessage = RunStartMessage | RunStopMessage | DebugProbeMessage;

/** Worker → pool, once: the engine is loaded. */
export interface WorkerReadyMessage {
  /** Always `worker/ready`. */
  tag: 'worker/ready';
  /** The packages a script may import, for `GET /env`. */
  imports: string[];
}

/** Worker → pool, while a run goes on (whenever the worker's event loop turns): how far it got. */
export interface RunProgressMessage {
  /** Always `run/progress`. */
  tag: 'run/progress';
  /** The run it is about. */
  id: number;
  /** Steps recorded so far. */
  steps: number;
}

/** Worker → pool, as a binary frame: what the run recorded since its previous chunk (the pool decodes and checks it). */
export interface RunChunkMessage {
  /** Always `run/chunk`. */
  tag: 'run/chunk';
  /** The run it is about. */
  id: number;
  /** The chunk's binary form (`tracer/traceBinary.ts`). */
  bytes: Uint8Array;
}

/** Worker → pool: the run's answer, after its last chunk. */
export interface RunDoneMessage {
  /** Always `run/done`. */
  tag: 'run/done';
  /** The run it is about. */
  id: number;
  /** The answer. */
  outcome: HeadlessOutcome;
}

/** Worker → pool, tests only: the answer to `debug/probe`, an error code (or `allowed`) by attempt. */
export interface DebugProbedMessage {
  /** Always `debug/probed`. */
  tag: 'debug/probed';
  /** Each attempt's error code, or `allowed` when it worked. */
  results: Record<string, string>;
}

/** What a worker sends the pool. */
export type WorkerMessage =
  WorkerReadyMessage | RunProgressMessage | RunChunkMessage | RunDoneMessage | DebugProbedMessage;
