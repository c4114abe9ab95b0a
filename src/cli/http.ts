import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpErrorCode } from '../protocol/codes';

/** Headers on every answer: JSON, never cached, never sniffed. */
const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Codes of the answers that are about HTTP, not about a run. */
export const HTTP_CODES = {
  NOT_FOUND: 'HTTP_NOT_FOUND',
  METHOD: 'HTTP_METHOD_NOT_ALLOWED',
  TOO_LARGE: 'HTTP_BODY_TOO_LARGE',
  BUSY: 'HTTP_QUEUE_FULL',
  DRAINING: 'HTTP_SHUTTING_DOWN',
  ORIGIN: 'HTTP_ORIGIN_REFUSED',
  TOO_MANY: 'HTTP_TOO_MANY_CONNECTIONS',
  INTERNAL: 'HTTP_INTERNAL',
} as const satisfies Record<string, HttpErrorCode>;

/** Sends a JSON text with a status and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends an answer about HTTP itself: `{ "ok": false, "error": { "code", "message" } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: (typeof HTTP_CODES)[keyof typeof HTTP_CODES],
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, JSON.stringify({ ok: false, error: { code, message } }), headers);
}

/**
 * Reads a request body of at most `max` bytes. Past it, resolves with `undefined` at once and
 * stops keeping what arrives: memory never holds more than `max` bytes per request.
 */
export function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        resolve(undefined);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    // the client went away before the body was complete
    req.once('close', () => (req.complete ? undefined : reject(new Error('cli/readBody: the request was aborted'))));
  });
}
