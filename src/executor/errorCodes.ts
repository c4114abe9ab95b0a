import type { TraceError } from '../protocol/trace';
import { isStepgraphError, describeThrown } from '../shared/errors';
import { RUN_ERROR_KINDS, isRunErrorCode, type RunErrorCode } from '../protocol/codes';

/** Stable codes of the controller's errors, by phase. */
export const RUN_CODES = {
  BAD_REQUEST: 'INIT_BAD_REQUEST',
  BAD_GRAPH: 'INIT_BAD_GRAPH',
  SYNTAX: 'PREP_SYNTAX',
  FORBIDDEN_IMPORT: 'PREP_FORBIDDEN_IMPORT',
  MISSING_FILE: 'PREP_MISSING_FILE',
  /** Syntax that would reach past the sandbox (`import()`, `import.meta`, direct `eval`, the tracer's reserved names). */
  FORBIDDEN_SYNTAX: 'PREP_FORBIDDEN_SYNTAX',
  /** A script called an evaluator (`eval`, `Function`) that confinement refuses. */
  FORBIDDEN_FEATURE: 'RUNNER_FORBIDDEN_FEATURE',
  BAD_MANIFEST: 'PREP_BAD_MANIFEST',
  EXCEPTION: 'RUNNER_EXCEPTION',
  STACK: 'MEMORY_STACK',
  /** A script called `spawn` or `fetch` with arguments that cannot work. */
  BAD_CALL: 'RUNNER_BAD_CALL',
  /** `spawn` named a file that is not in the playground. */
  NO_FILE: 'RUNNER_NO_FILE',
  INTERNAL: 'INTERNAL',
} as const satisfies Record<string, RunErrorCode>;

const isStackOverflow = (e: unknown): boolean =>
  e instanceof RangeError && /call stack|too much recursion/i.test(e.message);

/** Classifies what stopped a module: a limit or stop from its context, a stack overflow, or the script's own exception. */
export function classify(
  e: unknown,
  where: { file?: string; line?: number; column?: number; step: number },
): TraceError {
  if (isStepgraphError(e)) {
    // an error the script threw outside its own flow (a timer callback) travels wrapped: show its own name
    const name = typeof e.details.name === 'string' ? e.details.name : 'StepgraphError';
    // every code the engine makes is in the table; one that is not is our bug, said as such
    if (!isRunErrorCode(e.code)) {
      return {
        kind: 'internal',
        code: RUN_CODES.INTERNAL,
        name,
        message: `${e.message} (unknown code ${e.code})`,
        ...where,
      };
    }
    return { kind: RUN_ERROR_KINDS[e.code], code: e.code, name, message: e.message, ...where };
  }
  if (isStackOverflow(e)) {
    return {
      kind: 'memory',
      code: RUN_CODES.STACK,
      name: 'RangeError',
      message: 'executor/main: the call stack overflowed (endless recursion?)',
      ...where,
    };
  }
  const { name, message } = describeThrown(e);
  return { kind: 'runner', code: RUN_CODES.EXCEPTION, name, message, ...where };
}
