import { RUN_CODES } from '../executor/errorCodes';
import type { ExecutorError, ExecutorResponse } from '../protocol/headless';
import type { HeadlessOutcome, HeadlessRunOptions } from '../protocol/process';
import type { TraceError } from '../protocol/trace';
import type { RunErrorCode } from '../protocol/codes';
import type { Caps } from './request';
import type { WorkerDeath } from './workerProcess';

/** Exit codes of `stepgraph run`, by error phase (after the seed's executor); 2 is a usage error. */
export const EXIT_CODES: Readonly<Record<'ok' | 'usage' | TraceError['kind'], number>> = {
  ok: 0,
  usage: 2,
  internal: 3,
  init: 5,
  prep: 7,
  runner: 13,
  limit: 17,
  stopped: 17,
  memory: 19,
};

/** Codes of the failures the host answers itself, without the engine. */
export const HOST_CODES = {
  /** The request is not JSON. */
  BAD_JSON: 'INIT_BAD_JSON',
  /** The request is JSON but not a request. */
  BAD_REQUEST: RUN_CODES.BAD_REQUEST,
  /** The script ran past its time limit without reaching a check; its worker was killed. */
  TIME: 'LIMIT_TIME',
  /** The script's worker went past the memory limit. */
  HEAP: 'MEMORY_HEAP',
  /** The caller went away (or asked to stop) and the run stopped, or its worker was killed for not stopping. */
  STOPPED: 'STOPPED',
  /** The worker process crashed, or broke the protocol and was killed. */
  INTERNAL: RUN_CODES.INTERNAL,
} as const satisfies Record<string, RunErrorCode>;

/** The exit code for an outcome. */
export const exitCodeOf = (o: HeadlessOutcome): number =>
  o.ok ? EXIT_CODES.ok : EXIT_CODES[o.error?.phase ?? 'internal'];

/** A failure the host answers itself: the executor's response with nothing printed, no result and no trace. */
export type HostFailure = Omit<ExecutorResponse, 'result' | 'trace' | 'error'> & {
  /** Always false. */
  ok: false;
  /** Nothing was printed that the host could keep. */
  stdout: '';
  /** Nothing was printed that the host could keep. */
  stderr: '';
  /** What went wrong. */
  error: ExecutorError;
};

/** A host-made failure, serialised like the worker's responses, without a trace (`traceOutput.ts` adds it). */
export function hostFailure(
  error: Pick<HostFailure['error'], 'phase' | 'code' | 'message'> & { steps?: number; wallMs?: number },
  meta: Pick<HeadlessRunOptions, 'version' | 'trace' | 'indent'> & { limits: Caps },
): HeadlessOutcome {
  const steps = error.steps ?? 0;
  const failure: HostFailure = {
    ok: false,
    version: meta.version,
    stdout: '',
    stderr: '',
    stats: { steps, cpuMs: 0, wallMs: Math.round(error.wallMs ?? 0) },
    limits: meta.limits,
    error: { phase: error.phase, code: error.code, name: 'StepgraphError', message: error.message, step: steps - 1 },
  };
  return {
    body: JSON.stringify(failure, null, meta.indent || undefined),
    ok: false,
    error: { phase: error.phase, code: error.code },
  };
}

/** The failure for a worker process that ended under a run. */
export function deathFailure(
  death: { reason: WorkerDeath; message: string; steps: number; wallMs: number },
  meta: Parameters<typeof hostFailure>[1] & { memoryLimitMb: number },
): HeadlessOutcome {
  const { steps, wallMs } = death;
  switch (death.reason) {
    case 'terminated': {
      const message =
        `cli/watchdog: the script ran past its time limit of ${meta.limits.timeLimitMs} ms without reaching a check ` +
        '(a long regular expression? a huge JSON.parse?), so its worker process was terminated; the steps it had recorded until then are kept';
      return hostFailure({ phase: 'limit', code: HOST_CODES.TIME, message, steps, wallMs }, meta);
    }
    case 'stopped': {
      const message = `cli/pool: ${death.message}, so its worker process was terminated; the steps it had recorded are kept`;
      return hostFailure({ phase: 'stopped', code: HOST_CODES.STOPPED, message, steps, wallMs }, meta);
    }
    case 'out-of-memory': {
      const message = `cli/pool: the script went past the memory limit of ${meta.memoryLimitMb} MB, so its worker process was terminated; the steps it had recorded are kept`;
      return hostFailure({ phase: 'memory', code: HOST_CODES.HEAP, message, steps, wallMs }, meta);
    }
    case 'protocol': {
      const message = `cli/pool: ${death.message}; the worker process was killed and replaced, its answer discarded`;
      return hostFailure({ phase: 'internal', code: HOST_CODES.INTERNAL, message, steps, wallMs }, meta);
    }
    case 'crashed': {
      const message = `cli/pool: the worker process crashed (${death.message})`;
      return hostFailure({ phase: 'internal', code: HOST_CODES.INTERNAL, message, steps, wallMs }, meta);
    }
  }
}
