/** Errors the engine itself made: a script can copy one's prototype, never get into this set. */
const genuine = new WeakSet<object>();

/** A failure with a stable `code` that tests and callers match on; the message starts with `layer/function:`. */
export class StepgraphError extends Error {
  /** Stable machine-readable code, e.g. `PREP_SYNTAX` or `50301`. */
  readonly code: string;
  /** Free-form details that travel with the error (line, column, module…). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StepgraphError';
    this.code = code;
    this.details = details;
    genuine.add(this);
  }
}

/**
 * True when `e` was made by the engine. `instanceof` is not enough: a script that caught one could
 * throw `Object.create(caught)` with a forged `code` (a limit it never hit, a stop that never came).
 */
export function isStepgraphError(e: unknown): e is StepgraphError {
  return typeof e === 'object' && e !== null && genuine.has(e);
}

/** True when `e` is a StepgraphError with the given code. */
export function hasCode(e: unknown, code: string): boolean {
  return isStepgraphError(e) && e.code === code;
}

/** Turns anything thrown into a message string without throwing again. */
export function describeThrown(e: unknown): { name: string; message: string } {
  if (e instanceof Error) return { name: e.name, message: e.message };
  try {
    return { name: 'Error', message: `Uncaught ${typeof e === 'string' ? JSON.stringify(e) : String(e)}` };
  } catch {
    return { name: 'Error', message: 'Uncaught value that cannot be printed' };
  }
}
