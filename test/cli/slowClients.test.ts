// `stepgraph serve` against clients that hold sockets open (slowloris) or send far too much: other
// clients are still answered, and the one that sent too much reads its 413.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, serve, type Server } from './harness';

let server: Server;

beforeAll(async () => {
  assertBuilt();
  server = await serve(['--workers', '1', '--client-connections', '8']);
});
afterAll(() => server?.child.kill('SIGKILL'));

const port = (): number => Number(new URL(server.url).port);

/** A socket from `from` that sends half a request's headers and then nothing. */
function slowSocket(from: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port: port(), localAddress: from }, () => {
      s.write('POST /run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
      resolve(s);
    });
    s.once('error', reject);
  });
}

/** POST /run from the local address `from`. */
function postFrom(from: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: port(), path: '/run', method: 'POST', localAddress: from },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** Whether the server closed `s` (its 'close' event came) before `other` settles. */
function closedBy(s: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve(true);
    s.once('close', () => resolve(true));
  });
}

describe('stepgraph serve and slow clients', () => {
  it('50 slow sockets from one address: past its 8, each is closed within a second; another address is answered', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => slowSocket('127.0.0.1').catch(() => undefined)));
    try {
      const open = sockets.filter((s): s is Socket => s !== undefined);
      // the ones past the cap are closed by the server, not left waiting for a timeout
      const closed = await Promise.all(open.slice(8).map((s) => closedBy(s)));
      expect(closed.every(Boolean)).toBe(true);
      // a client at another address (all of 127.0.0.0/8 is loopback) gets its run answered
      const answer = await postFrom('127.0.0.2', JSON.stringify({ code: 'export default 6 * 7;' }));
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as { result: number }).result).toBe(42);
      const still = open.slice(0, 8).filter((s) => !s.destroyed);
      expect(still.length).toBe(8);
    } finally {
      for (const s of sockets) s?.destroy();
    }
  });

  it('a request on a connection past the cap reads 429 HTTP_TOO_MANY_CONNECTIONS at once, rather than a reset it would retry', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => slowSocket('127.0.0.3')));
    try {
      const answer = await postFrom('127.0.0.3', JSON.stringify({ code: 'export default 1;' }));
      expect(answer.status).toBe(429);
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('HTTP_TOO_MANY_CONNECTIONS');
      // the held places are still there, and another address is still answered
      expect(held.filter((s) => !s.destroyed)).toHaveLength(8);
      const other = await postFrom('127.0.0.4', JSON.stringify({ code: 'export default 6 * 7;' }));
      expect(other.status).toBe(200);
    } finally {
      for (const s of held) s.destroy();
    }
  });

  it('a client still sending a 64 MB body reads its 413, not a reset (as curl sends it: Expect: 100-continue)', async () => {
    const size = 64 * 1024 * 1024;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: port(),
        path: '/run',
        method: 'POST',
        headers: { 'Content-Length': String(size), Expect: '100-continue' },
      });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      req.once('continue', () => {
        for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
        req.end();
      });
      req.once('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.once('error', reject);
    });
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('HTTP_BODY_TOO_LARGE');
  });
});
