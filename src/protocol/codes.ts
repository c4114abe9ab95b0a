/** Which phase or budget a run failed in. */
export type RunErrorKind = 'init' | 'prep' | 'runner' | 'limit' | 'memory' | 'stopped' | 'internal';

/**
 * Every code a run can end with (a trace's `error.code`, a response's `error.code`), each with the
 * kind of failure it is. One table for every layer: the engine, both hosts, the executor and the
 * page map codes through it, so a new code that is missing here is a type error, not a silent
 * fall into some catch-all. docs/SCRIPTS.md and docs/EXECUTOR.md list what each means.
 */
export const RUN_ERROR_KINDS = {
  /** The executor's request is not JSON. */
  INIT_BAD_JSON: 'init',
  /** The request is JSON but not a request (files, main, settings, grants). */
  INIT_BAD_REQUEST: 'init',
  /** The request's graph cannot be built. */
  INIT_BAD_GRAPH: 'init',
  /** A file does not parse. */
  PREP_SYNTAX: 'prep',
  /** Syntax that would reach past the sandbox (`import()`, `import.meta`, `eval`, host globals by name). */
  PREP_FORBIDDEN_SYNTAX: 'prep',
  /** An import outside the allowlist. */
  PREP_FORBIDDEN_IMPORT: 'prep',
  /** A relative import names no file of the playground. */
  PREP_MISSING_FILE: 'prep',
  /** A manifest that is not a literal, or names an unknown permission or limit. */
  PREP_BAD_MANIFEST: 'prep',
  /** The script threw and nothing caught it. */
  RUNNER_EXCEPTION: 'runner',
  /** The script called an evaluator (`eval`, `Function`) that confinement refuses. */
  RUNNER_FORBIDDEN_FEATURE: 'runner',
  /** `spawn` or `fetch` called with arguments that cannot work. */
  RUNNER_BAD_CALL: 'runner',
  /** `spawn` named a file that is not in the playground. */
  RUNNER_NO_FILE: 'runner',
  /** A `trace` annotation with an argument it cannot use. */
  TRACE_BAD_ARGUMENT: 'runner',
  /** A resource used without the permission. */
  PERMISSION_DENIED: 'runner',
  /** A child asked for a limit looser than its parent's. */
  CONTEXT_LOOSER_LIMIT: 'runner',
  /** A child asked for a permission its parent lacks. */
  CONTEXT_PERMISSION_NOT_HELD: 'runner',
  /** Code of a module that has ended ran again (a stray timer). */
  MODULE_ENDED: 'runner',
  /** A request the page made for a script did not complete. */
  NET_FAILED: 'runner',
  /** A response body past the page's size for scripts. */
  NET_TOO_LARGE: 'runner',
  /** A request a script's `fetch` does not make (method, body). */
  NET_BAD_REQUEST: 'runner',
  /** The kernel's API queue is full. */
  '50301': 'internal',
  /** The kernel is shutting down. */
  '50300': 'internal',
  /** The kernel has no coroutine for the request's kind. */
  '40400': 'internal',
  /** A kernel I/O queue is full. */
  '50302': 'internal',
  /** The host gave the kernel no network. */
  '50303': 'runner',
  /** No kernel device handles the I/O kind. */
  '40401': 'internal',
  /** `execution/total-time` ran out. */
  LIMIT_TIME: 'limit',
  /** `execution/steps` ran out. */
  LIMIT_STEPS: 'limit',
  /** `execution/cpu-time` ran out. */
  LIMIT_CPU_TIME: 'limit',
  /** `modules/simultaneous` had no token left. */
  LIMIT_TOTAL: 'limit',
  /** A rate limit can never give what was asked (`net/requests` or `net/bytes` of 0). */
  LIMIT_RATE: 'limit',
  /** `graph/operations` ran out. */
  LIMIT_GRAPH_OPS: 'limit',
  /** `trace/bytes` ran out: the recorder's buffers grew past the budget. */
  LIMIT_TRACE_MEMORY: 'limit',
  /** `output/lines` or `output/chars` was passed: named by the console's marker; the run goes on. */
  LIMIT_OUTPUT: 'limit',
  /** The executor's per-step trace form was asked for a trace past its size: ask for the columns form. */
  LIMIT_TRACE_STEPS_USE_COLUMNS: 'limit',
  /** A trace file that ends before its run's end record (the run was cut short while writing). */
  TRACE_FILE_CUT_SHORT: 'internal',
  /** The call stack overflowed. */
  MEMORY_STACK: 'memory',
  /** The run's worker went past its heap limit and was replaced. */
  MEMORY_HEAP: 'memory',
  /** The run was stopped (Stop, a client gone, the run ended while stray code waited). */
  STOPPED: 'stopped',
  /** The page's sandbox failed and was removed. */
  CLIENT_TERMINATED: 'internal',
  /** The client was disposed while the run was going. */
  CLIENT_DISPOSED: 'internal',
  /** The page called a method the sandbox does not have (a page and a sandbox of different versions). */
  UNKNOWN_METHOD: 'internal',
  /** A bug of Stepgraph's, not the script's. */
  INTERNAL: 'internal',
} as const satisfies Record<string, RunErrorKind>;

/** A code a run can end with. */
export type RunErrorCode = keyof typeof RUN_ERROR_KINDS;

/** Codes of `serve`'s answers that are about HTTP, not about a run. */
export type HttpErrorCode =
  | 'HTTP_NOT_FOUND'
  | 'HTTP_METHOD_NOT_ALLOWED'
  | 'HTTP_BODY_TOO_LARGE'
  | 'HTTP_QUEUE_FULL'
  | 'HTTP_SHUTTING_DOWN'
  | 'HTTP_ORIGIN_REFUSED'
  | 'HTTP_TOO_MANY_CONNECTIONS'
  | 'HTTP_INTERNAL';

/** Every stable error code of Stepgraph's engine, hosts and executor (links and files have their own: `ShareErrorCode`). */
export type ErrorCode = RunErrorCode | HttpErrorCode;

/** True for a code of the run table. */
export const isRunErrorCode = (code: string): code is RunErrorCode => Object.hasOwn(RUN_ERROR_KINDS, code);

/** Fails to compile when a switch over codes misses one; at run time, names what got through. */
export function unreachable(value: never, what: string): never {
  throw new Error(`protocol/unreachable: unexpected ${what} ${String(value)}`);
}
