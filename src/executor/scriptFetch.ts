import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import type { Context } from '../runtime/context';
import type { PermissionKind } from '../runtime/permissions';
import { StepgraphError } from '../shared/errors';
import { RUN_CODES } from './errorCodes';
import { CONTEXT_CODES } from '../runtime/codes';
import { parseHttpUrl, type UrlProblem } from '../shared/urlPattern';

/** What a script's `fetch` resolves with: the useful part of a `Response`. */
export interface ScriptResponse {
  /** The URL that answered. */
  readonly url: string;
  /** HTTP status code. */
  readonly status: number;
  /** True for a 2xx status. */
  readonly ok: boolean;
  /** HTTP status text. */
  readonly statusText: string;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text. */
  text(): Promise<string>;
  /** The body parsed as JSON. */
  json(): Promise<unknown>;
}

/** What `fetch` needs from the run around the module. */
export interface FetchDeps {
  /** The calling module's context. */
  ctx: Context;
  /** Submits the request to the kernel's `network` device. */
  network(request: NetworkRequest): Promise<NetworkResponse>;
}

/** The permission an HTTP method needs on its URL: reading for GET and HEAD (C-FETCH1). */
function kindOf(method: string): PermissionKind {
  if (method === 'DELETE') return 'delete';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** Bytes of a string in UTF-8, without the host's TextEncoder. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** C-URL1: the refusal of a URL that is never fetched, whatever the manifest says. */
function refused(url: string, problem: UrlProblem): StepgraphError {
  if (problem.reason === 'unparsed')
    return new StepgraphError(
      RUN_CODES.BAD_CALL,
      `executor/fetch: ${problem.message} (write it whole: https://host/path)`,
    );
  return new StepgraphError(CONTEXT_CODES.PERMISSION_DENIED, `executor/fetch: ${problem.message}`, {
    permission: { kind: 'network', resource: url },
    reason: problem.reason,
  });
}

/** Headers as plain strings: what crosses to the host is data the script cannot change afterwards. */
function headersOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [name, v] of Object.entries(value)) out[String(name)] = String(v);
  return out;
}

/** The request, read once from what the script passed, with its URL as the parser re-serialized it (C-URL5). */
function requestOf(input: unknown, init: unknown): NetworkRequest {
  const raw = typeof input === 'object' && input !== null && 'href' in input ? String(input.href) : input;
  if (typeof raw !== 'string') throw new StepgraphError(RUN_CODES.BAD_CALL, 'executor/fetch: the URL must be a string');
  const url = parseHttpUrl(raw);
  if (!url.ok) throw refused(raw, url.error);
  const o = (typeof init === 'object' && init !== null ? init : {}) as Record<string, unknown>;
  const method = typeof o.method === 'string' ? o.method.toUpperCase() : 'GET';
  const body = o.body;
  return { url: url.value.href, method, headers: headersOf(o.headers), ...(typeof body === 'string' ? { body } : {}) };
}

/**
 * A script's `fetch(url, init?)` (C-FETCH1): an http(s) URL as parsed (C-URL1), the permission for
 * it, a `net/requests` token, the kernel's `network` device (held to the run's grants, C-NET2),
 * then the body's bytes from `net/bytes`.
 */
export async function scriptFetch(deps: FetchDeps, input: unknown, init?: unknown): Promise<ScriptResponse> {
  const req = requestOf(input, init);
  deps.ctx.require(kindOf(req.method ?? 'GET'), req.url);
  await deps.ctx.take('net/requests', 1);
  const r = await deps.network(req);
  // C-URL6: an answer from another URL (a redirect) needs the permission too
  if (r.url !== req.url) deps.ctx.require(kindOf(req.method ?? 'GET'), r.url);
  await deps.ctx.take('net/bytes', utf8Length(r.body));
  return {
    url: r.url,
    status: r.status,
    ok: r.status >= 200 && r.status < 300,
    statusText: r.statusText,
    headers: { ...r.headers },
    text: () => Promise.resolve(r.body),
    json: () => Promise.resolve().then(() => JSON.parse(r.body) as unknown),
  };
}
