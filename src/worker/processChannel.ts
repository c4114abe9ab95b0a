import type { HostMessage, WorkerMessage } from '../protocol/process';

/** The part of a Node socket used here; typed by hand, as worker/ is checked without Node's types. */
interface NodeSocket {
  /** Bytes from the pool. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  /** The pool closed its end (it exited or ended this worker). */
  on(event: 'close', listener: () => void): unknown;
  /** Writes at once when the pipe has room, even while the script's synchronous code runs. */
  write(bytes: Uint8Array): boolean;
}

/** `node:net`, as far as used here. */
interface NodeNet {
  /** A socket over an inherited file descriptor. */
  Socket: new (options: { fd: number; readable: boolean; writable: boolean }) => NodeSocket;
}

/** Node's `process`, as far as used here. */
interface NodeProcess {
  /** Loads a Node builtin by name (Node ≥ 20.16), so this file needs no Node typings. */
  getBuiltinModule(id: 'node:net'): NodeNet;
  /** Ends the process. */
  exit(code: number): never;
}

/** The worker's end of the pool's channel (`protocol/process.ts`). */
export interface ProcessChannel {
  /** Sends one message as a frame. */
  send(message: WorkerMessage): void;
  /** Called with each message from the pool. */
  onMessage(listener: (message: HostMessage) => void): void;
}

/** The channel's file descriptor: the fourth entry of the `stdio` the pool spawns the worker with. */
const CHANNEL_FD = 3;

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

/**
 * Opens the channel on file descriptor 3. The pool is trusted, so its frames are read without
 * limits; when it goes away, so does the worker (no orphan keeps running scripts).
 */
export function openChannel(): ProcessChannel {
  const { process } = globalThis as unknown as { process: NodeProcess };
  const socket = new (process.getBuiltinModule('node:net').Socket)({ fd: CHANNEL_FD, readable: true, writable: true });
  let listener: (message: HostMessage) => void = () => undefined;
  let pending = new Uint8Array(0);
  socket.on('data', (chunk) => {
    const all = new Uint8Array(pending.length + chunk.length);
    all.set(pending);
    all.set(chunk, pending.length);
    let at = 0;
    while (all.length - at >= 4) {
      const length = new DataView(all.buffer, at).getUint32(0);
      if (all.length - at - 4 < length) break;
      const text = decoder.decode(all.subarray(at + 4, at + 4 + length));
      at += 4 + length;
      listener(JSON.parse(text) as HostMessage);
    }
    pending = all.slice(at);
  });
  socket.on('close', () => process.exit(0));
  return { send: (message) => void socket.write(frame(message)), onMessage: (l) => (listener = l) };
}
