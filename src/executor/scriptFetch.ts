import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import type { Context } from '../runtime/context';
import type { PermissionKind } from '../runtime/permissions';
import { StepgraphError } from '../shared/errors';
import { RUN_CODES } from './errorCodes';

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

function requestOf(input: unknown, init: unknown): NetworkRequest {
  const url = typeof input === 'object' && input !== null && 'href' in input ? String(input.href) : input;
  if (typeof url !== 'string') throw new StepgraphError(RUN_CODES.BAD_CALL, 'executor/fetch: the URL must be a string');
  const o = (typeof init === 'object' && init !== null ? init : {}) as Record<string, unknown>;
  const method = typeof o.method === 'string' ? o.method.toUpperCase() : 'GET';
  const headers = typeof o.headers === 'object' && o.headers !== null ? (o.headers as Record<string, string>) : {};
  return { url, method, headers, ...(typeof o.body === 'string' ? { body: o.body } : {}) };
}

/**
 * A script's `fetch(url, init?)` (C-FETCH1): the permission for the URL, a `net/requests` token,
 * the kernel's `network` device, then the body's bytes from `net/bytes`.
 */
export async function scriptFetch(deps: FetchDeps, input: unknown, init?: unknown): Promise<ScriptResponse> {
  const req = requestOf(input, init);
  deps.ctx.require(kindOf(req.method ?? 'GET'), req.url);
  await deps.ctx.take('net/requests', 1);
  const r = await deps.network(req);
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
