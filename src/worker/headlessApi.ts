import type { Engine } from '../executor/engine';
import { ALLOWED_PACKAGES } from '../executor/layers';
import { RUN_CODES } from '../executor/errorCodes';
import type { RunRequest } from '../protocol/run';
import { TRACE_VERSION } from '../protocol/trace';
import { describeThrown } from '../shared/errors';
import { toExecutorResponse, type ExecutorError, type ExecutorResponse } from './headlessResponse';

/** How the host wants one run answered. */
export interface HeadlessRunOptions {
  /** Reported as the response's `version`. */
  version: string;
  /** `steps`: the trace in its JSON form; `none`: no trace. */
  trace: 'steps' | 'none';
  /** Spaces of indentation of the JSON text, 0 for one line. */
  indent: number;
}

/** A run's answer: the response as JSON text (made in the worker, off the host's thread) and what the host needs of it. */
export interface HeadlessOutcome {
  /** The `ExecutorResponse`, serialised. */
  body: string;
  /** Its `ok`. */
  ok: boolean;
  /** Its `error`, when not `ok`: the host picks an exit code from the phase. */
  error?: Pick<ExecutorError, 'phase' | 'code'>;
}

/**
 * What the Node worker thread exposes (`node.worker.ts`); `client/nodeWorkerClient.ts` declares the
 * same shape for its side, and `test/cli/types.test.ts` checks that the two agree.
 */
export function headlessApi(engine: Engine) {
  return {
    /** Runs one request; the host's control block (`shared/control.ts`) carries stops and progress. */
    async run(request: RunRequest, control: Int32Array, options: HeadlessRunOptions): Promise<HeadlessOutcome> {
      const limits = {
        timeLimitMs: request.settings?.timeLimitMs ?? 0,
        stepLimit: request.settings?.stepLimit ?? 0,
      };
      let response: ExecutorResponse;
      try {
        const r = await engine.run(request, { control });
        response = toExecutorResponse(r, { version: options.version, trace: options.trace, limits });
      } catch (e) {
        // T-RUN4: a failure of the executor itself still answers, as `internal`
        const { name, message } = describeThrown(e);
        response = {
          ok: false,
          version: options.version,
          stdout: '',
          stderr: '',
          stats: { steps: 0, cpuMs: 0, wallMs: 0 },
          limits,
          error: { phase: 'internal', code: RUN_CODES.INTERNAL, name, message: `worker/run: ${message}`, step: -1 },
          ...(options.trace === 'none' ? {} : { trace: { version: TRACE_VERSION, files: [], modules: [], steps: [] } }),
        };
      }
      const body = JSON.stringify(response, null, options.indent || undefined);
      const error = response.error && { phase: response.error.phase, code: response.error.code };
      return { body, ok: response.ok, ...(error ? { error } : {}) };
    },
    /** The packages a script may import, for `GET /env`; answering also says the worker is up. */
    allowedImports(): Promise<string[]> {
      return Promise.resolve(Object.keys(ALLOWED_PACKAGES));
    },
  };
}

/** The API's type, as the host sees it through Comlink. */
export type HeadlessApi = ReturnType<typeof headlessApi>;
