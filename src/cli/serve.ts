import type { HeadlessOutcome } from '../protocol/process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { capConnectionsPerClient } from './clientCap';
import { guardOrigin } from './cors';
import { envBody } from './env';
import { hostFailure } from './failure';
import { HTTP_CODES, readBody, sendError, sendJson } from './http';
import { parseRequest } from './request';
import { makePool, type Install } from './runPool';
import type { Settings } from './settings';
import { TRACE_FILE_TYPE, TraceFileStream } from './traceFileStream';
import { withTrace } from './traceOutput';

/** How long a client may take to send a request's headers, and then its headers and body. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_AFTER = { 'Retry-After': '1' };
/** Routes answered to GET (and HEAD). */
const GET_ROUTES = ['/env', '/healthz', '/readyz', '/metrics'];

/** Connections beyond four per run or waiting request are closed at once, but never fewer than this. */
const MIN_CONNECTIONS = 64;

/** `stepgraph serve`: answers until SIGTERM or SIGINT, then drains and resolves with 0. */
export async function serveCommand(settings: Settings, { version, distDir }: Install): Promise<number> {
  const pool = makePool(settings, distDir, settings.workers, settings.queue, settings.workerRuns);
  let imports: string[];
  try {
    imports = await pool.start();
  } catch (e) {
    pool.close();
    throw e;
  }
  // loaded only by serve: `stepgraph run` starts without it
  const { ServeMetrics } = await import('./metrics');
  const metrics = new ServeMetrics(pool);
  const caps = { timeLimitMs: settings.timeLimitMs, stepLimit: settings.stepLimit };
  let draining = false;
  let open = 0;
  let onQuiet: (() => void) | undefined;
  /** Whether a socket is past its address's connection cap; set once the server exists. */
  let overCap: (socket: Socket) => boolean = () => false;

  async function runRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, settings.maxBody);
    if (body === undefined) {
      // the connection stays open while Node discards the rest of the body (bounded by the request
      // timeout): closed now, a client still sending would get a reset instead of this answer
      metrics.refused(HTTP_CODES.TOO_LARGE);
      return sendError(res, 413, HTTP_CODES.TOO_LARGE, `cli/serve: the body is over ${settings.maxBody} bytes`);
    }
    const parsed = parseRequest(body, caps, settings.allowNet);
    if (!parsed.ok) {
      const failure = withTrace(
        hostFailure({ phase: 'init', ...parsed.error }, { version, trace: 'columns', indent: 0, limits: caps }),
        'columns',
        0,
      );
      return sendJson(res, parsed.error.code === 'INIT_BAD_JSON' ? 400 : 200, failure.body);
    }
    if (draining) return refuseDraining(res);
    const started = performance.now();
    // "trace": "file": the body is a trace file, streamed as the worker records (docs/EXECUTOR.md)
    const file = parsed.value.trace === 'file' ? new TraceFileStream((bytes) => void res.write(bytes)) : undefined;
    const ticket = pool.submit(
      parsed.value,
      { version, trace: parsed.value.trace, indent: 0 },
      file && ((bytes) => file.chunk(bytes)),
    );
    if (!ticket) {
      metrics.refused(HTTP_CODES.BUSY);
      return sendError(
        res,
        503,
        HTTP_CODES.BUSY,
        'cli/serve: every worker is busy and the queue is full; retry later',
        RETRY_AFTER,
      );
    }
    res.once('close', () => (res.writableFinished ? undefined : ticket.cancel()));
    const answered = async (): Promise<HeadlessOutcome> => {
      const outcome = await ticket.outcome;
      metrics.answered((performance.now() - started) / 1000, outcome.error);
      return outcome;
    };
    if (!file) return sendJson(res, 200, (await answered()).body);
    // the head and the run record go out before the first chunk the worker streams
    res.writeHead(200, {
      'Content-Type': TRACE_FILE_TYPE,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    file.start(parsed.value.request);
    file.end((await answered()).body);
    res.end();
  }

  /** Ready for runs: not draining, and a worker or a queue place is free (a load balancer's readiness probe). */
  function readiness(): { ready: boolean; why: string } {
    if (draining) return { ready: false, why: 'draining' };
    const { running, waiting } = pool.load;
    if (running >= settings.workers && waiting >= settings.queue) return { ready: false, why: 'queue full' };
    return { ready: true, why: 'ready' };
  }

  /** `/healthz` (alive), `/readyz` (takes runs now) and `/metrics` (Prometheus): answered even while draining. */
  async function probeRoute(path: string, res: ServerResponse): Promise<void> {
    if (path === '/metrics') {
      const { body, type } = await metrics.text();
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    if (path === '/healthz') return sendJson(res, 200, JSON.stringify({ ok: true, status: 'alive' }));
    const { ready, why } = readiness();
    sendJson(res, ready ? 200 : 503, JSON.stringify({ ok: ready, status: why }), ready ? {} : RETRY_AFTER);
  }

  function refuseDraining(res: ServerResponse): void {
    metrics.refused(HTTP_CODES.DRAINING);
    sendError(res, 503, HTTP_CODES.DRAINING, 'cli/serve: the server is shutting down', {
      ...RETRY_AFTER,
      Connection: 'close',
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (overCap(req.socket)) {
      metrics.refused(HTTP_CODES.TOO_MANY);
      return sendError(
        res,
        429,
        HTTP_CODES.TOO_MANY,
        `cli/serve: this address already has ${settings.clientConnections} connections open (--client-connections); reuse one, or retry`,
        { ...RETRY_AFTER, Connection: 'close' },
      );
    }
    if (guardOrigin(req, res, settings.allowOrigins)) return;
    const path = (req.url ?? '/').split('?')[0];
    const allow =
      path === '/run' ? 'POST, OPTIONS' : GET_ROUTES.includes(path ?? '') ? 'GET, HEAD, OPTIONS' : undefined;
    if (!allow)
      return sendError(
        res,
        404,
        HTTP_CODES.NOT_FOUND,
        `cli/serve: no ${path}; try POST /run, GET /env, /healthz, /readyz or /metrics`,
      );
    if (req.method === 'OPTIONS') return void res.writeHead(204, { Allow: allow }).end();
    if (!allow.split(', ').includes(req.method ?? '')) {
      return sendError(res, 405, HTTP_CODES.METHOD, `cli/serve: ${path} takes ${allow}`, { Allow: allow });
    }
    if (path === '/healthz' || path === '/readyz' || path === '/metrics') return probeRoute(path, res);
    if (draining) return refuseDraining(res);
    if (path === '/env') return sendJson(res, 200, envBody(settings, version, imports, pool.load));
    return runRoute(req, res);
  }

  const server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS },
    (req, res) => {
      open++;
      res.once('close', () => {
        open--;
        if (open === 0) onQuiet?.();
      });
      handle(req, res).catch((e: unknown) => sendError(res, 500, HTTP_CODES.INTERNAL, `cli/serve: ${String(e)}`));
    },
  );
  // bodies being read are bounded in size (--max-body) and, through the connections, in number
  server.maxConnections = Math.max(MIN_CONNECTIONS, 4 * (settings.workers + settings.queue));
  overCap = capConnectionsPerClient(server, settings.clientConnections);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => {
      pool.close();
      reject(e);
    });
    server.listen(settings.port, settings.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  process.stdout.write(
    `stepgraph serve: listening on http://${shown}:${port} (${settings.workers} workers, queue ${settings.queue})\n`,
  );

  await new Promise<void>((resolve) => {
    const drain = (signal: string): void => {
      if (draining) return;
      draining = true;
      process.stderr.write(`stepgraph serve: ${signal}: finishing ${open} request(s) in flight, refusing new ones\n`);
      onQuiet = resolve;
      if (open === 0) resolve();
    };
    process.once('SIGTERM', () => drain('SIGTERM'));
    process.once('SIGINT', () => drain('SIGINT'));
  });
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  pool.close();
  process.stderr.write('stepgraph serve: drained, exiting\n');
  return 0;
}
