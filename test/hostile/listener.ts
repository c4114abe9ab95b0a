// Ground truth for the network: a TCP listener on 127.0.0.1 that records every connection made to
// it (and its first bytes), answering HTTP quickly so that a request which does get through never
// leaves a script waiting. Cases aim their network attempts at it; it must see nothing.
import { createServer, type Server } from 'node:net';

/** One connection the listener saw. */
export interface Connection {
  /** When, in ms since the listener started. */
  at: number;
  /** The first bytes sent, as text (an HTTP request line, a TLS hello…). */
  first: string;
}

/** A running listener. */
export interface Listener {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The port. */
  port: number;
  /** Every connection so far, in order. */
  readonly connections: readonly Connection[];
  /** Stops listening. */
  close(): Promise<void>;
}

/** Starts a listener on a free port of 127.0.0.1. */
export async function startListener(): Promise<Listener> {
  const connections: Connection[] = [];
  const start = Date.now();
  const server: Server = createServer((socket) => {
    const seen: Connection = { at: Date.now() - start, first: '' };
    connections.push(seen);
    socket.on('error', () => {});
    socket.once('data', (d: Buffer) => {
      seen.first = d.toString('latin1').slice(0, 200);
      socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    });
    socket.setTimeout(2000, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test/hostile: the listener has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
