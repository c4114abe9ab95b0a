import { StepgraphError } from '../shared/errors';
import type { RunErrorCode } from '../protocol/codes';
import { unreachable } from '../protocol/codes';
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
  /** `graph/operations` ran out. */
  GRAPH_OPS: 'LIMIT_GRAPH_OPS',
  /** `trace/bytes` ran out. */
  TRACE_MEMORY: 'LIMIT_TRACE_MEMORY',
} as const satisfies Record<string, RunErrorCode>;

/** The error of a budget that ran out, naming the limit; every limit has its own code (C-LIM6). */
export function limitError(name: LimitName, limit: number): StepgraphError {
  const made = (code: RunErrorCode, message: string): StepgraphError =>
    new StepgraphError(code, `runtime/${message}`, { limit: name });
  switch (name) {
    case 'execution/total-time':
      return made(CONTEXT_CODES.TIME, `time: the time limit of ${limit} ms was reached`);
    case 'execution/steps':
      return made(CONTEXT_CODES.STEPS, `steps: the step limit of ${limit} steps was reached`);
    case 'execution/cpu-time':
      return made(CONTEXT_CODES.CPU, `cpu: the CPU time limit of ${limit} ms was reached`);
    case 'graph/operations':
      return made(CONTEXT_CODES.GRAPH_OPS, `graph: the limit of ${limit} graph operations was reached`);
    case 'trace/bytes':
      return made(
        CONTEXT_CODES.TRACE_MEMORY,
        `trace: the trace grew past its memory budget of ${limit} bytes (trace/bytes)`,
      );
    case 'modules/simultaneous':
      return made(
        CONTEXT_CODES.TOTAL,
        `limit: no ${name} token left (the limit is ${limit}); one comes back when a holder ends`,
      );
    case 'net/requests':
    case 'net/bytes':
      return made(CONTEXT_CODES.RATE, `rate: ${name} is limited to ${limit} a second, less than one request needs`);
    case 'output/lines':
    case 'output/chars':
      return made('LIMIT_OUTPUT', `output: the output budget of ${limit} (${name}) was passed`);
    default:
      return unreachable(name, 'limit');
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
