import type { Server, Socket } from 'node:net';

/** How long a connection past the cap has to send its request's headers before it is closed. */
const OVER_CAP_GRACE_MS = 1000;

/**
 * At most `perClient` open connections from one address. A further one is not counted: the request
 * it sends is answered `429 Too Many Requests` with `Connection: close` (so a client learns why,
 * instead of reconnecting forever to a socket closed under it), and it is closed after a second if
 * no request came. Slow sockets (slowloris) from one client then hold `perClient` places at most,
 * and only until the header and request timeouts end them, so other clients always find room.
 * Behind a proxy every client has the proxy's address: raise the cap or let the proxy limit
 * (docs/SECURITY.md). Returns whether a request came on a connection past the cap.
 */
export function capConnectionsPerClient(server: Server, perClient: number): (socket: Socket) => boolean {
  const open = new Map<string, number>();
  const over = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const n = open.get(address) ?? 0;
    if (n >= perClient) {
      over.add(socket);
      const timer = setTimeout(() => socket.destroy(), OVER_CAP_GRACE_MS);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
      // once the request's headers are read (bytes arrive), the answer closes it; a silent one goes at the timer
      return;
    }
    open.set(address, n + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return (socket) => over.has(socket);
}
