import type { RunErrorCode, RunErrorKind } from './codes';
/**
 * The trace schema, version 2: the one contract shared by worker, UI and the executor's JSON.
 * Documented rule by rule in docs/spec/TRACE.md. A step is two bytes (its statement); the frame
 * is kept only where it changes. A variable is written only when it is bound to a new value; what
 * happens inside a collection is an operation on that object (push, set, delete…), so a trace
 * never copies a collection at each change. Any step is rebuilt by binary search.
 */
export const TRACE_VERSION = 2;

/** A value as shown (variables panel, results): JSON for plain primitives, a tagged object for the rest. */
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
  /** Where the variable exists: its block or function, as [startLine, startColumn, endLine, endColumn] (1-based); absent for a module's top level. */
  scope?: [number, number, number, number];
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
  kind: RunErrorKind;
  /** A stable code, e.g. `PREP_SYNTAX`, `LIMIT_TIME` (RUN_ERROR_KINDS in protocol/codes.ts lists them all). */
  code: RunErrorCode;
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

/**
 * A recorded value, as one unsigned 32-bit number: `payload * 8 + tag`.
 * CONST payloads: 0 undefined, 1 null, 2 false, 3 true, 4 NaN, 5 Infinity, 6 -Infinity, 7 -0.
 */
export const REF = {
  /** A constant; payload as above. */
  CONST: 0,
  /** A non-negative integer below 2^28, in the payload. */
  INT: 1,
  /** Index into `numbers`. */
  NUMBER: 2,
  /** Index into `strings`. */
  STRING: 3,
  /** A tracked object: index into the object table. */
  OBJECT: 4,
  /** Index into `others` (functions, symbols, bigints, graphs, unreadable values). */
  OTHER: 5,
} as const;

/** What a tracked object is. */
export const OBJECT_KIND = { ARRAY: 0, MAP: 1, SET: 2, OBJECT: 3 } as const;

/**
 * Operations on tracked objects. `a` and `b` are value refs unless said otherwise.
 * INIT starts (or restarts) an object's content from empty; the operations that follow build it.
 */
export const OP = {
  /** Empty the object (a = its size before, as INT; b unused). */
  CLEAR: 0,
  /** Array: append b. */
  PUSH: 1,
  /** Array: remove the last item. */
  POP: 2,
  /** Array: remove the first item. */
  SHIFT: 3,
  /** Array: insert b at the front. */
  UNSHIFT: 4,
  /** Array: set index a (INT) to b; Map: set key a to b; object: set property a (STRING) to b. */
  SET: 5,
  /** Map/object: delete key a; Set: delete value a. */
  DELETE: 6,
  /** Set: add a. */
  ADD: 7,
  /** Array: set the length to a (INT). */
  LENGTH: 8,
  /** Too big to follow: from now on only the size is kept (a = size as INT). */
  SIZE: 9,
} as const;

/** A change to the graph or an annotation, recorded on the step that made it. */
export interface TraceGraphOp {
  /** The step. */
  step: number;
  /** What happened: a graphology mutation (`addNode`, `dropEdge`, `setNodeAttribute`…) or a `trace.*` call (`highlight`, `label`, `note`). */
  kind: string;
  /** Its arguments, as shown values. */
  args: TraceValue[];
}

/** A whole run, successful or not. Columns are typed arrays; read the first `…Count` entries. */
export interface Trace {
  /** Schema version; readers refuse another one. */
  version: typeof TRACE_VERSION;
  /** The files of the playground, in the order statements refer to them. */
  files: string[];
  /** Interned names (functions, modules). */
  names: string[];
  /** Statement table: step columns refer to it. */
  statements: TraceStatement[];
  /** Variable slot table: writes refer to it. */
  slots: TraceSlot[];
  /** Number of steps recorded. */
  stepCount: number;
  /** Per step: index into `statements` (16-bit when there are fewer than 65,536 statements). */
  stepStatement: Uint16Array | Uint32Array;
  /** Number of frame runs. */
  runCount: number;
  /** Per run: its first step; a run is a stretch of steps executed by one frame. */
  runStep: Uint32Array;
  /** Per run: the frame that executed it. */
  runFrame: Uint32Array;
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
  /** Per write: the new value, as a ref (see REF). */
  writeValue: Uint32Array;
  /** Strings referred to by refs, each once. */
  strings: string[];
  /** Numbers referred to by refs (those that are not small integers). */
  numbers: Float64Array;
  /** Values referred to by OTHER refs. */
  others: TraceValue[];
  /** Number of tracked objects. */
  objectCount: number;
  /** Per object: its kind (OBJECT_KIND). */
  objectKind: Uint8Array;
  /** Per object: its class name, as an index into `strings`. */
  objectClass: Uint32Array;
  /** Number of object operations. */
  opCount: number;
  /** Per operation: the step it happened on (non-decreasing). */
  opStep: Uint32Array;
  /** Per operation: the object it changed. */
  opObject: Uint32Array;
  /** Per operation: what it did (OP). */
  opCode: Uint8Array;
  /** Per operation: first argument. */
  opA: Uint32Array;
  /** Per operation: second argument. */
  opB: Uint32Array;
  /** Printed output, each with the step that printed it (non-decreasing). */
  output: Array<{ step: number; stream: 'stdout' | 'stderr'; text: string }>;
  /** Graph operations, in step order. */
  graphOps: TraceGraphOp[];
  /** Module instances. */
  modules: TraceModule[];
  /** Set when the run failed; the steps before it are kept. */
  error?: TraceError;
}

/**
 * A piece of a trace sent during a long run: the columns' entries from the previous chunk's end to
 * this one's, and the strings, numbers, others, objects, output and graph operations added since.
 * Concatenating a run's chunks in order gives its trace (`tracer/assemble.ts`).
 */
export interface TraceChunk {
  /** Schema version. */
  version: typeof TRACE_VERSION;
  /** Which chunk of the run this is, from 0. */
  index: number;
  /** The tables (files, names, statements, slots): complete in every chunk, as they are small. */
  tables: Pick<Trace, 'files' | 'names' | 'statements' | 'slots'>;
  /** Module instances so far. */
  modules: Trace['modules'];
  /** New steps' statements. */
  stepStatement: Uint16Array | Uint32Array;
  /** New frame runs. */
  runStep: Uint32Array;
  runFrame: Uint32Array;
  /** New frames. */
  frames: TraceFrames;
  /** New writes. */
  writeStep: Uint32Array;
  writeSlot: Uint32Array;
  writeFrame: Uint32Array;
  writeValue: Uint32Array;
  /** New strings, numbers and others. */
  strings: string[];
  numbers: Float64Array;
  others: TraceValue[];
  /** New objects. */
  objectKind: Uint8Array;
  objectClass: Uint32Array;
  /** New operations. */
  opStep: Uint32Array;
  opObject: Uint32Array;
  opCode: Uint8Array;
  opA: Uint32Array;
  opB: Uint32Array;
  /** New output and graph operations. */
  output: Trace['output'];
  graphOps: Trace['graphOps'];
}
