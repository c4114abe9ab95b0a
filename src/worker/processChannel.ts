import type { HostMessage, WorkerMessage } from '../protocol/process';

/** The part of a Node socket used here; typed by hand, as worker/ is checked without Node's types. */
interface NodeSocket {
  /** Bytes from the pool. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** The pool closed its end (it exited or ended this worker). */
  on(event: 'close', listener: () => void): unknown;
}

/** `node:net`, as far as used here. */
interface NodeNet {
  /** A socket over an inherited file descriptor. */
  Socket: new (options: { fd: number; readable: boolean; writable: boolean }) => NodeSocket;
}

/** `node:fs`, as far as used here. */
interface NodeFs {
  /** Writes to a file descriptor now; throws `EAGAIN` when a non-blocking pipe is full. */
  writeSync(fd: number, bytes: Uint8Array, offset: number, length: number): number;
}

/** Node's `process`, as far as used here. */
interface NodeProcess {
  /** Loads a Node builtin by name (Node ≥ 20.16), so this file needs no Node typings. */
  getBuiltinModule(id: 'node:net'): NodeNet;
  getBuiltinModule(id: 'node:fs'): NodeFs;
  /** Ends the process. */
  exit(code: number): never;
}

/** The worker's end of the pool's channel (`protocol/process.ts`). */
export interface ProcessChannel {
  /** Sends one message as a frame. */
  send(message: WorkerMessage): void;
  /** Sends a run's trace chunk (`tracer/traceBinary.ts`) as a binary frame (`protocol/process.ts`, `run/chunk`). */
  sendChunk(id: number, bytes: Uint8Array): void;
  /** Called with each message from the pool. */
  onMessage(listener: (message: HostMessage) => void): void;
}

/** The channel's file descriptor: the fourth entry of the `stdio` the pool spawns the worker with. */
const CHANNEL_FD = 3;

/** The top bit of a frame's length marks a binary frame (`protocol/process.ts`). */
const BINARY_FLAG = 0x80000000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One frame: a 4-byte big-endian length, then the message as UTF-8 JSON. */
function frame(message: WorkerMessage): Uint8Array {
  const json = encoder.encode(JSON.stringify(message));
  const out = new Uint8Array(4 + json.length);
  new DataView(out.buffer).setUint32(0, json.length);
  out.set(json, 4);
  return out;
}

/** A binary frame: the length with its top bit set, the run's id (4 bytes, big-endian), the chunk's bytes. */
function binaryFrame(id: number, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, (BINARY_FLAG | (4 + bytes.length)) >>> 0);
  view.setUint32(4, id);
  out.set(bytes, 8);
  return out;
}

/**
 * Opens the channel on file descriptor 3. The pool is trusted, so its frames are read without
 * limits; when it goes away, so does the worker (no orphan keeps running scripts).
 */
export function openChannel(): ProcessChannel {
  const { process } = globalThis as unknown as { process: NodeProcess };
  const socket = new (process.getBuiltinModule('node:net').Socket)({ fd: CHANNEL_FD, readable: true, writable: true });
  let listener: (message: HostMessage) => void = () => undefined;
  // the bytes of an incomplete frame, joined only once the frame is whole (a request with a large
  // graph arrives in many pieces: joining at each piece would copy it over and over)
  let parts: Uint8Array[] = [];
  let buffered = 0;
  let need = 4;
  socket.on('data', (chunk) => {
    parts.push(chunk);
    buffered += chunk.length;
    if (buffered < need) return;
    const all = parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(buffered);
    if (parts.length > 1) {
      let off = 0;
      for (const p of parts) {
        all.set(p, off);
        off += p.length;
      }
    }
    let at = 0;
    need = 4;
    while (all.length - at >= 4) {
      const length = new DataView(all.buffer, all.byteOffset + at).getUint32(0);
      if (all.length - at - 4 < length) {
        need = 4 + length;
        break;
      }
      const text = decoder.decode(all.subarray(at + 4, at + 4 + length));
      at += 4 + length;
      listener(JSON.parse(text) as HostMessage);
    }
    parts = at < all.length ? [all.slice(at)] : [];
    buffered = all.length - at;
  });
  socket.on('close', () => process.exit(0));
  const fs = process.getBuiltinModule('node:fs');
  /**
   * Every frame is written whole before this returns, even while a script's synchronous code runs:
   * a socket's write would queue what the pipe cannot take until the event loop turns, and a worker
   * killed by the watchdog before then would lose the trace chunks it had recorded.
   */
  const writeAll = (bytes: Uint8Array): void => {
    let at = 0;
    while (at < bytes.length) {
      try {
        at += fs.writeSync(CHANNEL_FD, bytes, at, bytes.length - at);
      } catch (e) {
        // the pipe is full: the pool reads it from its own process, so it empties; any other error
        // means the pool went away, and `close` ends this process
        if ((e as { code?: string }).code !== 'EAGAIN') return;
      }
    }
  };
  return {
    send: (message) => writeAll(frame(message)),
    sendChunk: (id, bytes) => writeAll(binaryFrame(id, bytes)),
    onMessage: (l) => (listener = l),
  };
}
