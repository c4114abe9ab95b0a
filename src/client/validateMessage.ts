/**
 * The page's one check of what the sandbox sends (`protocol/messages.ts`). The sandbox runs a
 * stranger's code, so a message is used only once it has exactly the envelope of its tag and its
 * data has the shapes the page reads; anything else is refused with the reason.
 */
import type { CallMethod, CallResult, SandboxMessage, WireError } from '../protocol/messages';
import type { RunInspection } from '../protocol/run';
import type { Result } from '../shared/result';
import { eachOf, first, isAmount, isInt, isRecord, isText, keys, type Problem } from './checkShape';
import { checkChunk, checkTrace, checkTraceError, checkValue } from './checkTrace';

/** The longest id the page makes (a UUID is 36 characters). */
const MAX_ID = 64;
/** The longest URL a script may ask the page to fetch. */
const MAX_URL = 8192;
/** The most headers on one request. */
const MAX_HEADERS = 100;
/** The most URL patterns an inspection may list. */
const MAX_PATTERNS = 100;
/** The largest request body, in characters. */
const MAX_BODY = 1024 * 1024;

/**
 * How each call method's answer is checked: adding a method to `RuntimeApi` makes this table
 * incomplete until its answer has a check.
 */
export const CALL_RESULTS: { [M in CallMethod]: (v: unknown) => v is CallResult<M> } = {
  ping: (v): v is 'pong' => v === 'pong',
  // C-NET3: URL patterns only; the page parses each again before it shows one
  inspect: (v): v is RunInspection =>
    isRecord(v) &&
    keys('inspect', v, ['network']) === undefined &&
    Array.isArray(v.network) &&
    v.network.length <= MAX_PATTERNS &&
    v.network.every((p) => isText(p, MAX_URL)),
};

const isId = (v: unknown): v is string => isText(v, MAX_ID) && v.length > 0;

function checkWireError(v: unknown, path: string): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  return (
    keys(path, v, ['code', 'name', 'message']) ??
    (isText(v.code, 200) && isText(v.name, 200) && isText(v.message, 100_000)
      ? undefined
      : `${path} must have a code, name and message`)
  );
}

function checkHeaders(v: unknown, path: string): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  const entries = Object.entries(v);
  if (entries.length > MAX_HEADERS) return `${path} has too many headers`;
  for (const [name, value] of entries) {
    if (!isText(name, 256) || !isText(value, MAX_URL)) return `${path}.${name} must be a string`;
  }
  return undefined;
}

/** A script's request (`NetworkRequest`). */
function checkNetworkRequest(v: unknown, path: string): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  return first(
    () => keys(path, v, ['url'], ['method', 'headers', 'body']),
    () => (isText(v.url, MAX_URL) ? undefined : `${path}.url must be a string of at most ${MAX_URL} characters`),
    () => (v.method === undefined || isText(v.method, 32) ? undefined : `${path}.method must be a short string`),
    () => (v.headers === undefined ? undefined : checkHeaders(v.headers, `${path}.headers`)),
    () =>
      v.body === undefined || isText(v.body, MAX_BODY) ? undefined : `${path}.body must be a string of at most 1 MB`,
  );
}

function checkModules(v: unknown, path: string): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  return first(
    () =>
      eachOf(`${path}.modules`, v.modules, (m, at) =>
        isRecord(m) &&
        isInt(m.id) &&
        isText(m.file) &&
        isInt(m.parent, -1) &&
        isRecord(m.limits) &&
        isRecord(m.permissions)
          ? undefined
          : `${at} must be a module`,
      ),
    () =>
      eachOf(`${path}.samples`, v.samples, (s, at) =>
        isRecord(s) &&
        isInt(s.step) &&
        isInt(s.module) &&
        ['running', 'waiting', 'done', 'failed'].includes(s.state as string) &&
        isAmount(s.steps) &&
        isAmount(s.cpuMs) &&
        isAmount(s.elapsedMs) &&
        (s.error === undefined || isText(s.error, 200))
          ? undefined
          : `${at} must be a module sample`,
      ),
  );
}

/** A run's response (`RunResponse`). */
export function checkResponse(v: unknown, path = 'response'): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  const stats = v.stats;
  return first(
    () => (typeof v.ok === 'boolean' ? undefined : `${path}.ok must be a boolean`),
    () => checkTrace(v.trace, `${path}.trace`),
    () => ('result' in v && v.result !== undefined ? checkValue(v.result, `${path}.result`) : undefined),
    () => (v.error === undefined ? undefined : checkTraceError(v.error, `${path}.error`)),
    () => (v.ok === false && v.error === undefined ? `${path}.error is missing from a failed run` : undefined),
    () =>
      isRecord(stats) && isAmount(stats.steps) && isAmount(stats.wallMs) && isAmount(stats.mainMs)
        ? undefined
        : `${path}.stats must give steps, wallMs and mainMs`,
    () => (v.modules === undefined ? undefined : checkModules(v.modules, `${path}.modules`)),
  );
}

/** The envelope and data of each tag. */
function checkMessage(m: Record<string, unknown>): Problem {
  switch (m.type) {
    case 'sandbox/ready':
      return (
        keys('message', m, ['type', 'isolated']) ??
        (typeof m.isolated === 'boolean' ? undefined : 'isolated must be a boolean')
      );
    case 'sandbox/failed':
      return (
        keys('message', m, ['type', 'message']) ?? (isText(m.message, 100_000) ? undefined : 'message must be a string')
      );
    case 'run/killed':
      return first(
        () => keys('message', m, ['type', 'id', 'reason', 'overrunMs']),
        () => (isId(m.id) ? undefined : 'id must be an id'),
        () => (m.reason === 'time-limit' || m.reason === 'stop' ? undefined : 'reason must be time-limit or stop'),
        () => (isAmount(m.overrunMs) ? undefined : 'overrunMs must be an amount'),
      );
    case 'run/progress':
      return first(
        () => keys('message', m, ['type', 'id', 'steps', 'elapsedMs'], ['chunk']),
        () => (isId(m.id) ? undefined : 'id must be an id'),
        () => (isAmount(m.steps) && isAmount(m.elapsedMs) ? undefined : 'steps and elapsedMs must be amounts'),
        () => (m.chunk === undefined ? undefined : checkChunk(m.chunk)),
      );
    case 'run/done':
      return first(
        () => keys('message', m, ['type', 'id', 'response']),
        () => (isId(m.id) ? undefined : 'id must be an id'),
        () => checkResponse(m.response),
      );
    case 'run/failed':
      return first(
        () => keys('message', m, ['type', 'id', 'error']),
        () => (isId(m.id) ? undefined : 'id must be an id'),
        () => checkWireError(m.error, 'error'),
      );
    case 'net/request':
      return first(
        () => keys('message', m, ['type', 'run', 'id', 'request']),
        () => (isId(m.run) && isId(m.id) ? undefined : 'run and id must be ids'),
        () => checkNetworkRequest(m.request, 'request'),
      );
    case 'call/response':
      return first(
        () => keys('message', m, ['type', 'id', 'ok'], m.ok === true ? ['value'] : ['error']),
        () => (isId(m.id) ? undefined : 'id must be an id'),
        () => (m.ok === true ? undefined : m.ok === false ? checkWireError(m.error, 'error') : 'ok must be a boolean'),
      );
    default:
      return 'type is not a message the sandbox may send';
  }
}

/**
 * Checks one message from the sandbox. `ok` gives it typed; an error gives the reason. It never
 * throws, whatever `data` is. A call's `value` is checked by the caller against {@link CALL_RESULTS},
 * since only the caller knows which method it asked.
 */
export function validateSandboxMessage(data: unknown): Result<SandboxMessage, string> {
  if (!isRecord(data)) return { ok: false, error: 'protocol: a message must be a plain object' };
  let problem: Problem;
  try {
    problem = checkMessage(data);
  } catch (e) {
    // a value structured clone cannot make (a getter, a proxy) would land here; refused all the same
    problem = `the message could not be read (${e instanceof Error ? e.name : 'error'})`;
  }
  return problem
    ? {
        ok: false,
        error: `protocol: ${typeof data.type === 'string' ? data.type.slice(0, 40) : typeof data.type}: ${problem}`,
      }
    : { ok: true, value: data as unknown as SandboxMessage };
}

/** Rebuilds an error that crossed the boundary. */
export function errorFromWire(e: WireError): Error & { code: string } {
  const error = new Error(e.message) as Error & { code: string };
  error.name = e.name;
  error.code = e.code;
  return error;
}
