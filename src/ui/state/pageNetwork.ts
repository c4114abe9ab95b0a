import type { NetworkRequest, NetworkResponse } from '../../protocol/network';
import type { RunErrorCode } from '../../protocol/codes';
import { StepgraphError } from '../../shared/errors';
import { parseHttpUrl, parseUrlPattern, urlMatches, type UrlPattern } from '../../shared/urlPattern';

/** The largest response body the page hands to a script; a larger one fails with `NET_TOO_LARGE`. */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Methods a script may use (C-FETCH1 gives each its permission kind). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Codes of the page's network answers besides `PERMISSION_DENIED`. */
export const PAGE_NET_CODES = {
  /** The request was allowed but did not complete (offline, refused by CORS, a redirect, which is not followed). */
  FAILED: 'NET_FAILED',
  /** The response body was larger than {@link MAX_RESPONSE_BYTES}. */
  TOO_LARGE: 'NET_TOO_LARGE',
  /** The request is not one a script's `fetch` makes (method, body). */
  BAD_REQUEST: 'NET_BAD_REQUEST',
} as const satisfies Record<string, RunErrorCode>;

/** The page's `fetch`, injected so tests give a fake. */
export type PageFetch = (url: string, init: RequestInit) => Promise<Response>;

const denied = (url: string): StepgraphError =>
  new StepgraphError(
    'PERMISSION_DENIED',
    `ui/network: ${url.slice(0, 300)} was not approved for this run (the person at the page did not allow it)`,
    { permission: { kind: 'network', resource: url.slice(0, 300) } },
  );

/** The body as text, read up to the limit: a huge answer is cut off rather than held. */
async function boundedText(r: Response, url: string): Promise<string> {
  if (!r.body) return '';
  const reader = r.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      void reader.cancel();
      throw new StepgraphError(
        PAGE_NET_CODES.TOO_LARGE,
        `ui/network: the answer from ${url} is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`,
      );
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * The page's side of a run's network (`RunOptions.onNetwork`): the sandbox is untrusted, so each
 * request is checked again against what the person approved for this run, with the same
 * WHATWG-based matcher as the core (C-URL3), and is sent with the URL as parsed, without cookies or
 * other credentials, without a referrer, refusing redirects (C-URL6), its answer bounded in size.
 */
export function pageNetwork(
  approved: readonly string[],
  doFetch: PageFetch = (url, init) => fetch(url, init),
): (req: NetworkRequest) => Promise<NetworkResponse> {
  const patterns: UrlPattern[] = [];
  for (const p of approved) {
    const parsed = parseUrlPattern(p);
    if (parsed.ok) patterns.push(parsed.value);
  }
  return async (req) => {
    const url = parseHttpUrl(String(req.url));
    if (!url.ok || !patterns.some((p) => urlMatches(p, url.value))) throw denied(String(req.url));
    const method = String(req.method ?? 'GET').toUpperCase();
    if (!METHODS.has(method) || (req.body !== undefined && (method === 'GET' || method === 'HEAD')))
      throw new StepgraphError(
        PAGE_NET_CODES.BAD_REQUEST,
        `ui/network: a ${method.slice(0, 20)} request cannot be sent`,
      );
    const href = url.value.href;
    let r: Response;
    try {
      r = await doFetch(href, {
        method,
        headers: { ...(req.headers ?? {}) },
        ...(req.body !== undefined ? { body: String(req.body) } : {}),
        credentials: 'omit',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        mode: 'cors',
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new StepgraphError(
        PAGE_NET_CODES.FAILED,
        `ui/network: the request to ${href} failed (${why}; a redirect, an answer without CORS headers and a network error all fail)`,
      );
    }
    const headers: Record<string, string> = {};
    r.headers.forEach((value, name) => (headers[name] = value));
    const body = await boundedText(r, href);
    return { url: r.url || href, status: r.status, statusText: r.statusText, headers, body };
  };
}
