import type { Engine } from '../executor/engine';
import { ALLOWED_PACKAGES } from '../executor/layers';
import { RUN_CODES } from '../executor/errorCodes';
import type { ExecutorResponse, HeadlessApi } from '../protocol/headless';
import type { HeadlessOutcome, HeadlessRunOptions } from '../protocol/process';
import type { RunRequest } from '../protocol/run';
import { describeThrown } from '../shared/errors';
import { ChunkTail } from '../tracer/chunkTail';
import { ChunkEncoder } from '../tracer/traceBinary';
import { toExecutorResponse } from './headlessResponse';

/** The limits a request ran under, as the response reports them. */
const limitsOf = (request: RunRequest) => ({
  timeLimitMs: request.settings?.timeLimitMs ?? 0,
  stepLimit: request.settings?.stepLimit ?? 0,
});

/** A response serialised, with what the host needs of it. */
function outcomeOf(response: ExecutorResponse, indent: number): HeadlessOutcome {
  const body = JSON.stringify(response, null, indent || undefined);
  const error = response.error && { phase: response.error.phase, code: response.error.code };
  return { body, ok: response.ok, ...(error ? { error } : {}) };
}

/**
 * T-RUN4: a failure of the executor itself still answers, as `internal`: the engine threw, or the
 * response was too long to be made into text (a string has a longest length) or sent.
 */
export function internalOutcome(e: unknown, request: RunRequest, options: HeadlessRunOptions): HeadlessOutcome {
  const { name, message } = describeThrown(e);
  return outcomeOf(
    {
      ok: false,
      version: options.version,
      stdout: '',
      stderr: '',
      stats: { steps: 0, cpuMs: 0, wallMs: 0 },
      limits: limitsOf(request),
      error: { phase: 'internal', code: RUN_CODES.INTERNAL, name, message: `worker/run: ${message}`, step: -1 },
    },
    options.indent,
  );
}

/**
 * Milliseconds between two trace chunks of a headless run: what a worker killed by the watchdog can
 * lose is what it recorded in the last of them (and since its last check).
 */
export const CHUNK_EVERY_MS = 50;

/** What a worker process runs for each `run/start` (`node.worker.ts`), off the pool's process. */
export function headlessApi(engine: Engine): HeadlessApi {
  return {
    async run(
      request: RunRequest,
      control: Int32Array,
      options: HeadlessRunOptions,
      onProgress?: (steps: number) => void,
      onChunk?: (bytes: Uint8Array) => void,
    ): Promise<HeadlessOutcome> {
      try {
        const stream =
          onChunk && options.trace !== 'none' ? { encoder: new ChunkEncoder(), tail: new ChunkTail() } : undefined;
        const r = await engine.run(request, {
          control,
          ...(stream ? { streamTrace: true, progressEveryMs: CHUNK_EVERY_MS } : {}),
          onProgress: (p) => {
            onProgress?.(p.steps);
            if (stream && p.chunk) {
              stream.tail.add(p.chunk);
              onChunk?.(stream.encoder.encode(p.chunk));
            }
          },
        });
        if (stream) onChunk?.(stream.encoder.encode(stream.tail.tail(r.trace)));
        const meta = { version: options.version, limits: limitsOf(request) };
        return outcomeOf(toExecutorResponse(r, meta), options.indent);
      } catch (e) {
        return internalOutcome(e, request, options);
      }
    },
    allowedImports(): Promise<string[]> {
      return Promise.resolve(Object.keys(ALLOWED_PACKAGES));
    },
  };
}
