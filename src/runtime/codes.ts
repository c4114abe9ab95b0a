import { StepgraphError } from '../shared/errors';
import type { LimitName } from './limits';

/** Codes of the errors a context raises; the trace's error kind follows from them. */
export const CONTEXT_CODES = {
  /** `execution/total-time` ran out. */
  TIME: 'LIMIT_TIME',
  /** `execution/steps` ran out. */
  STEPS: 'LIMIT_STEPS',
  /** `execution/cpu-time` ran out. */
  CPU: 'LIMIT_CPU_TIME',
  /** A total limit (`modules/simultaneous`) had no token left. */
  TOTAL: 'LIMIT_TOTAL',
  /** A rate limit can never give what was asked (a limit of 0). */
  RATE: 'LIMIT_RATE',
  /** The host asked the run to stop. */
  STOPPED: 'STOPPED',
  /** The module has ended: its stray async code stops. */
  ENDED: 'MODULE_ENDED',
  /** A resource was used without the permission. */
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  /** A child asked for a limit looser than its parent's. */
  LOOSER_LIMIT: 'CONTEXT_LOOSER_LIMIT',
  /** A child asked for a permission its parent lacks. */
  PERMISSION_NOT_HELD: 'CONTEXT_PERMISSION_NOT_HELD',
} as const;

/** The error of a budget that ran out, naming the limit. */
export function limitError(name: LimitName, limit: number): StepgraphError {
  switch (name) {
    case 'execution/total-time':
      return new StepgraphError(CONTEXT_CODES.TIME, `runtime/time: the time limit of ${limit} ms was reached`, {
        limit: name,
      });
    case 'execution/steps':
      return new StepgraphError(CONTEXT_CODES.STEPS, `runtime/steps: the step limit of ${limit} steps was reached`, {
        limit: name,
      });
    case 'execution/cpu-time':
      return new StepgraphError(CONTEXT_CODES.CPU, `runtime/cpu: the CPU time limit of ${limit} ms was reached`, {
        limit: name,
      });
    default:
      return new StepgraphError(
        CONTEXT_CODES.TOTAL,
        `runtime/limit: no ${name} token left (the limit is ${limit}); one comes back when a holder ends`,
        { limit: name },
      );
  }
}

/** C-PERM6: the error of a missing permission, naming it. */
export function permissionDenied(kind: string, resource: string): StepgraphError {
  return new StepgraphError(
    CONTEXT_CODES.PERMISSION_DENIED,
    `runtime/permission: ${kind} ${resource} is not granted (add "${resource}" to manifest.permissions.${kind})`,
    { permission: { kind, resource } },
  );
}
