// The pool's end of a worker's channel (`protocol/process.ts`): frames of a 4-byte big-endian length
// and UTF-8 JSON. The worker is not trusted, so a frame's length is checked before its bytes are
// kept: Node's own IPC buffers a message of any length before anyone sees it. A length with its top
// bit set is a binary frame (`run/chunk`: the run's id, then a trace chunk's bytes), which JSON
// cannot imitate: only this reader makes the `Uint8Array` of a chunk message.

/** The top bit of a frame's length: a binary frame. */
const BINARY_FLAG = 0x80000000;

/** One frame for the worker. */
export function encodeFrame(message: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(json.length);
  return Buffer.concat([head, json]);
}

/** What a chunk of the worker's bytes gave: the messages it completed, or why the stream is bad. */
export type FrameResult = { messages: unknown[] } | { error: string };

/** Cuts the worker's bytes into messages, refusing any frame longer than `maxBytes`. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(
    /** The longest frame accepted, in bytes. */
    private readonly maxBytes: number,
  ) {}

  /** Takes the next chunk; once it returns an error, the reader must not be used again. */
  push(chunk: Buffer): FrameResult {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: unknown[] = [];
    while (this.buffered >= 4) {
      const head = this.take(4, false);
      const word = head.readUInt32BE(0);
      const binary = (word & BINARY_FLAG) !== 0;
      const length = binary ? word - BINARY_FLAG : word;
      if (length > this.maxBytes) return { error: `a message of ${length} bytes, over ${this.maxBytes}` };
      if (this.buffered < 4 + length) break;
      this.take(4, true);
      const bytes = this.take(length, true);
      if (binary) {
        if (length < 4) return { error: 'a binary frame without its run id' };
        // a copy: the chunk outlives the buffers it arrived in
        messages.push({ tag: 'run/chunk', id: bytes.readUInt32BE(0), bytes: new Uint8Array(bytes.subarray(4)) });
        continue;
      }
      try {
        messages.push(JSON.parse(bytes.toString('utf8')));
      } catch {
        // not JSON, or (past the bound a caller should have set) too long for a string
        return { error: 'a message that is not JSON' };
      }
    }
    return { messages };
  }

  /** The first `n` buffered bytes (joining chunks only when a frame spans them), removed when `consume`. */
  private take(n: number, consume: boolean): Buffer {
    if ((this.chunks[0] as Buffer).length < n) this.chunks = [Buffer.concat(this.chunks)];
    const first = this.chunks[0] as Buffer;
    const bytes = first.subarray(0, n);
    if (consume) {
      const rest = first.subarray(n);
      if (rest.length > 0) this.chunks[0] = rest;
      else this.chunks.shift();
      this.buffered -= n;
    }
    return bytes;
  }
}
