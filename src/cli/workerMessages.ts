import type { HeadlessOutcome, WorkerMessage } from '../protocol/process';
import type { TraceError } from '../protocol/trace';
import { isRunErrorCode } from '../protocol/codes';

// Checks what a worker process sends against `protocol/process.ts` before the pool uses any of it.
// A worker runs strangers' scripts: a message of another shape, with extra fields, an unknown tag or
// a value out of range means the worker is not what the pool started, and it is ended.

const PHASES: ReadonlyArray<TraceError['kind']> = ['init', 'prep', 'runner', 'limit', 'memory', 'stopped', 'internal'];
/** npm package names, which is all `worker/ready` lists. */
const PACKAGE = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]{0,213}$/;
const MAX_IMPORTS = 64;
const MAX_PROBES = 32;

type Fields = Record<string, unknown>;

const isRecord = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
/** Exactly these keys, the optional ones maybe. */
const keysAre = (v: Fields, required: string[], optional: string[] = []): boolean =>
  required.every((k) => Object.hasOwn(v, k)) &&
  Object.keys(v).every((k) => required.includes(k) || optional.includes(k));
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isShort = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function isOutcome(v: unknown): v is HeadlessOutcome {
  if (!isRecord(v) || !keysAre(v, ['body', 'ok'], ['error'])) return false;
  if (typeof v.body !== 'string' || typeof v.ok !== 'boolean') return false;
  if (v.error === undefined) return true;
  const e = v.error;
  return (
    !v.ok &&
    isRecord(e) &&
    keysAre(e, ['phase', 'code']) &&
    PHASES.includes(e.phase as TraceError['kind']) &&
    typeof e.code === 'string' &&
    isRunErrorCode(e.code)
  );
}

const isProbeResults = (v: unknown): boolean =>
  isRecord(v) &&
  Object.keys(v).length <= MAX_PROBES &&
  Object.entries(v).every(([k, r]) => k.length <= 64 && isShort(r, 64));

/** The message, when it is one of the protocol's; undefined otherwise. */
export function checkWorkerMessage(v: unknown): WorkerMessage | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.tag) {
    case 'worker/ready':
      return keysAre(v, ['tag', 'imports']) &&
        Array.isArray(v.imports) &&
        v.imports.length <= MAX_IMPORTS &&
        v.imports.every((p) => typeof p === 'string' && PACKAGE.test(p))
        ? (v as unknown as WorkerMessage)
        : undefined;
    case 'run/progress':
      return keysAre(v, ['tag', 'id', 'steps']) && isId(v.id) && isId(v.steps)
        ? (v as unknown as WorkerMessage)
        : undefined;
    case 'run/chunk':
      // made only by `FrameReader` from a binary frame; its bytes are decoded and checked by the run's collector
      return keysAre(v, ['tag', 'id', 'bytes']) && isId(v.id) && v.bytes instanceof Uint8Array
        ? (v as unknown as WorkerMessage)
        : undefined;
    case 'run/done':
      return keysAre(v, ['tag', 'id', 'outcome']) && isId(v.id) && isOutcome(v.outcome)
        ? (v as unknown as WorkerMessage)
        : undefined;
    case 'debug/probed':
      return keysAre(v, ['tag', 'results']) && isProbeResults(v.results) ? (v as unknown as WorkerMessage) : undefined;
    default:
      return undefined;
  }
}
