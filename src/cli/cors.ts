import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_CODES, sendError } from './http';

/** What a preflight may ask for. */
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '600',
};

/**
 * Browsers send `Origin` on cross-origin requests. A page on any site could otherwise make the
 * visitor's machine run code through a server listening on localhost, so only the origins named by
 * `--allow-origin` (or `*`) get in, with CORS headers; the rest get 403. Requests without `Origin`
 * (curl, servers, tests) are not from a browser page and pass. Returns true when the request was answered.
 */
export function guardOrigin(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (!allowed.includes('*') && !allowed.includes(origin)) {
    sendError(
      res,
      403,
      HTTP_CODES.ORIGIN,
      `cli/serve: requests from ${origin} are refused (start the server with --allow-origin ${origin} to allow them)`,
    );
    return true;
  }
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    res.writeHead(204, PREFLIGHT_HEADERS);
    res.end();
    return true;
  }
  return false;
}
