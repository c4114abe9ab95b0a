import type { RunErrorCode } from './codes';
/**
 * The module instances of a run, with their contexts (docs/spec/CONTEXT.md, C-MOD1–2): carried on
 * `RunResponse.modules`, beside the trace rather than inside it.
 */

/** What a module instance is doing at a step. */
export type ModuleState = 'running' | 'waiting' | 'done' | 'failed';

/** A module instance that has a context of its own: the main module or a spawned one. */
export interface ModuleInfo {
  /** Its id in `Trace.modules` (frames refer to it). */
  id: number;
  /** The file it runs. */
  file: string;
  /** The module that spawned it, or -1 for the main module. */
  parent: number;
  /** The limits that apply to it (its own and its ancestors', the stricter of each), by manifest name. */
  limits: Record<string, number>;
  /** Its granted permissions, kind → patterns. */
  permissions: Record<string, string[]>;
}

/** A module's state and usage from a step on (until its next sample). */
export interface ModuleSample {
  /** The first step it applies to: the number of steps recorded when it was taken. */
  step: number;
  /** The module's id. */
  module: number;
  /** Its state from then on. */
  state: ModuleState;
  /** Steps charged to its context (its children's included). */
  steps: number;
  /** CPU milliseconds charged to its context (its children's included). */
  cpuMs: number;
  /** Milliseconds since it started. */
  elapsedMs: number;
  /** Why it failed, for a failed module: the error's code. */
  error?: RunErrorCode;
}

/** The module instances of a run and their samples, in step order. */
export interface ModulesReport {
  /** Each module with a context, in start order. */
  modules: ModuleInfo[];
  /** Samples sorted by `step` (ties in the order they were taken). */
  samples: ModuleSample[];
}
