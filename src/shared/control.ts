/**
 * The control block (K-CTL1): a few 32-bit slots shared between the host and the engine, read and
 * written with `Atomics`, so that a stop and a progress query reach a run even while the script's
 * synchronous code holds the worker's thread. Over a `SharedArrayBuffer` when the page is
 * cross-origin isolated; over a plain buffer (same thread only) otherwise.
 */
export const CONTROL = {
  /** Host → engine: not 0 once the host asks the run to stop. */
  STOP: 0,
  /** Engine → host: one of {@link RUN_STATE}. */
  STATE: 1,
  /** Engine → host: steps recorded so far. */
  STEPS: 2,
  /** Engine → host: milliseconds since the run started. */
  ELAPSED_MS: 3,
  /** Engine → host: bumped on every write, so a reader sees that the engine is alive. */
  SEQ: 4,
} as const;

/** Slots in a control block. */
export const CONTROL_LENGTH = 8;

/** The run states written in {@link CONTROL.STATE}. */
export const RUN_STATE = { IDLE: 0, RUNNING: 1, ENDED: 2 } as const;

/** What a host reads from a control block. */
export interface ControlSnapshot {
  /** Whether a stop was asked. */
  stop: boolean;
  /** The run's state. */
  state: 'idle' | 'running' | 'ended';
  /** Steps recorded so far. */
  steps: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
  /** Writes so far. */
  seq: number;
}

/** A new control block; shared memory when it can be shared with a worker. */
export function createControlBlock(shared: boolean): Int32Array {
  const bytes = CONTROL_LENGTH * Int32Array.BYTES_PER_ELEMENT;
  return new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

const clamp = (n: number): number => Math.max(0, Math.min(0x7fffffff, Math.floor(n)));

/** Engine side: publishes progress (K-CTL2). */
export function writeProgress(
  block: Int32Array,
  state: keyof typeof RUN_STATE,
  steps: number,
  elapsedMs: number,
): void {
  Atomics.store(block, CONTROL.STEPS, clamp(steps));
  Atomics.store(block, CONTROL.ELAPSED_MS, clamp(elapsedMs));
  Atomics.store(block, CONTROL.STATE, RUN_STATE[state]);
  Atomics.add(block, CONTROL.SEQ, 1);
}

/** Host side: asks the run to stop. */
export function requestStop(block: Int32Array): void {
  Atomics.store(block, CONTROL.STOP, 1);
}

/** Engine side: whether the host asked to stop. */
export const stopRequested = (block: Int32Array): boolean => Atomics.load(block, CONTROL.STOP) !== 0;

/** Host side: reads the block. */
export function readControl(block: Int32Array): ControlSnapshot {
  const state = Atomics.load(block, CONTROL.STATE);
  return {
    stop: stopRequested(block),
    state: state === RUN_STATE.RUNNING ? 'running' : state === RUN_STATE.ENDED ? 'ended' : 'idle',
    steps: Atomics.load(block, CONTROL.STEPS),
    elapsedMs: Atomics.load(block, CONTROL.ELAPSED_MS),
    seq: Atomics.load(block, CONTROL.SEQ),
  };
}
