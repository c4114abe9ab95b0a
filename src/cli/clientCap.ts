import type { Server, Socket } from 'node:net';

/**
 * At most `perClient` open connections from one address: a further one is closed as soon as it
 * opens. Slow sockets (slowloris) from one client then hold `perClient` places at most, and only
 * until the header and request timeouts end them, so other clients always find room. Behind a proxy
 * every client has the proxy's address: raise the cap or let the proxy limit (docs/SECURITY.md).
 */
export function capConnectionsPerClient(server: Server, perClient: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const n = open.get(address) ?? 0;
    if (n >= perClient) {
      socket.destroy();
      return;
    }
    open.set(address, n + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
