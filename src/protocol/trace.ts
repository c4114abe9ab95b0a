/**
 * The trace schema, version 1: the one contract shared by worker, UI and the executor's JSON.
 * Documented rule by rule in docs/spec/TRACE.md. Steps are columns of typed arrays (a few bytes
 * each); variable writes and output are sparse lists sorted by step, so any step is rebuilt by
 * binary search without replaying from step 0.
 */
export const TRACE_VERSION = 1;

/** A value as recorded at a write: JSON for plain primitives, a tagged object for the rest. */
export type TraceValue =
  | string
  | boolean
  | number
  | null
  | { $: 'undefined' }
  | { $: 'number'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'bigint'; v: string }
  | { $: 'symbol'; v: string }
  | { $: 'function'; name: string }
  | { $: 'array'; items: TraceValue[]; size: number }
  | { $: 'set'; items: TraceValue[]; size: number }
  | { $: 'map'; entries: Array<[TraceValue, TraceValue]>; size: number }
  | { $: 'object'; cls: string; entries: Array<[string, TraceValue]>; size: number }
  | { $: 'graph'; order: number; size: number }
  | { $: 'cycle' }
  | { $: 'deep' };

/** A statement that can become a step: where it is in the user's own source. */
export interface TraceStatement {
  /** Index into `Trace.files`. */
  file: number;
  /** 1-based line in the user's source. */
  line: number;
  /** 1-based column in the user's source. */
  column: number;
}

/** A variable as declared in the source; one slot per declaration, whatever the frame. */
export interface TraceSlot {
  /** The variable's name. */
  name: string;
  /** Index into `Trace.files`. */
  file: number;
  /** 1-based line of the declaration. */
  line: number;
}

/** A function activation (or a module body): recursion frames stay apart. */
export interface TraceFrames {
  /** Call depth of each frame, 0 for a module body. */
  depth: Uint16Array;
  /** Name of the function of each frame, as an index into `Trace.names`. */
  name: Uint32Array;
  /** Module instance of each frame. */
  module: Uint16Array;
}

/** A module instance that ran during the trace. */
export interface TraceModule {
  /** The file it ran. */
  file: string;
  /** Its parent module instance, or -1 for the main module. */
  parent: number;
}

/** Why the run ended badly. */
export interface TraceError {
  /** Which phase or budget failed. */
  kind: 'init' | 'prep' | 'runner' | 'limit' | 'memory' | 'stopped' | 'internal';
  /** A stable code, e.g. `PREP_SYNTAX`, `LIMIT_TIME`. */
  code: string;
  /** The error's class name (`TypeError`, `SyntaxError`…). */
  name: string;
  /** A human message, starting with `layer/function:` for our own errors. */
  message: string;
  /** The file where it happened, when known. */
  file?: string;
  /** 1-based line in the user's source, when known. */
  line?: number;
  /** 1-based column in the user's source, when known. */
  column?: number;
  /** The last step recorded before the failure, or -1. */
  step: number;
}

/** A whole run, successful or not. */
export interface Trace {
  /** Schema version; readers refuse a newer one. */
  version: typeof TRACE_VERSION;
  /** The files of the playground, in the order statements refer to them. */
  files: string[];
  /** Interned strings (function names). */
  names: string[];
  /** Statement table: step columns refer to it. */
  statements: TraceStatement[];
  /** Variable slot table: writes refer to it. */
  slots: TraceSlot[];
  /** Number of steps recorded. */
  stepCount: number;
  /** Per step: index into `statements` (length ≥ stepCount; read only the first stepCount). */
  stepStatement: Uint32Array;
  /** Per step: index of the frame that executed it. */
  stepFrame: Uint32Array;
  /** Frame table. */
  frames: TraceFrames;
  /** Number of variable writes. */
  writeCount: number;
  /** Per write: the step it happened on (non-decreasing). */
  writeStep: Uint32Array;
  /** Per write: the slot written. */
  writeSlot: Uint32Array;
  /** Per write: the frame whose variable it is. */
  writeFrame: Uint32Array;
  /** Per write: index into `values`. */
  writeValue: Uint32Array;
  /** Recorded values. */
  values: TraceValue[];
  /** Printed output, each with the step that printed it (non-decreasing). */
  output: Array<{ step: number; stream: 'stdout' | 'stderr'; text: string }>;
  /** Module instances. */
  modules: TraceModule[];
  /** Set when the run failed; the steps before it are kept. */
  error?: TraceError;
}
