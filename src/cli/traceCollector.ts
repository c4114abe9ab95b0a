import { checkChunk } from '../client/checkTrace';
import type { Trace, TraceError } from '../protocol/trace';
import { TraceAssembler } from '../tracer/assemble';
import { ChunkDecoder, TraceBytesError } from '../tracer/traceBinary';

/**
 * What the pool keeps of one run's trace: the chunks its worker streamed, decoded and checked as
 * they arrive (the worker runs strangers' code, so a chunk is evidence, not truth). They live in
 * the pool's process, so they outlive a worker the watchdog kills. `onChunk` passes each chunk's
 * bytes on as they come (a trace file being written, an HTTP body being streamed).
 */
export class TraceCollector {
  private readonly decoder = new ChunkDecoder();
  private readonly assembler = new TraceAssembler();
  private bytes = 0;

  constructor(
    /** The most bytes of chunks kept for one run; past it, the worker is ended as broken. */
    private readonly maxBytes: number,
    /** Hears each accepted chunk's bytes, in order. */
    private readonly onChunk?: (bytes: Uint8Array) => void,
  ) {}

  /** Steps received so far. */
  get steps(): number {
    return this.assembler.steps;
  }

  /** Takes a chunk's bytes; says what is wrong with them, or undefined when they were kept. */
  add(bytes: Uint8Array): string | undefined {
    this.bytes += bytes.length;
    if (this.bytes > this.maxBytes) return `trace chunks of more than ${this.maxBytes} bytes`;
    try {
      const chunk = this.decoder.decode(bytes);
      const problem = checkChunk(chunk);
      if (problem) return `a trace chunk that does not hold: ${problem}`;
      this.assembler.add(chunk);
    } catch (e) {
      return e instanceof TraceBytesError ? e.message : `a trace chunk refused (${(e as Error).message})`;
    }
    this.onChunk?.(bytes);
    return undefined;
  }

  /** The trace made of the chunks received, ending with `error` when given. */
  trace(error?: TraceError): Trace {
    return this.assembler.trace(error);
  }
}
