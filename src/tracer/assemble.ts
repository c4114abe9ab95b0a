import type { Trace, TraceChunk, TraceError } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;

function concat<T extends Typed>(parts: T[], make: new (n: number) => T): T {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new make(n);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

/**
 * Puts a run's chunks back together: what the page holds of a long run while it goes on, and all
 * it has of a run whose worker had to be terminated. Chunks must arrive in order.
 */
export class TraceAssembler {
  private readonly chunks: TraceChunk[] = [];

  /** Adds the next chunk; refuses one out of order or of another version. */
  add(chunk: TraceChunk): void {
    if (chunk.version !== TRACE_VERSION)
      throw new Error(`tracer/assemble: chunk version ${String(chunk.version)} is not supported`);
    if (chunk.index !== this.chunks.length)
      throw new Error(`tracer/assemble: chunk ${chunk.index} arrived, ${this.chunks.length} was expected`);
    this.chunks.push(chunk);
  }

  /** Steps received so far. */
  get steps(): number {
    let n = 0;
    for (const c of this.chunks) n += c.stepStatement.length;
    return n;
  }

  /** The trace made of the chunks so far, ending with `error` when given. */
  trace(error?: TraceError): Trace {
    const cs = this.chunks;
    const last = cs[cs.length - 1];
    const pick = <T extends Typed>(f: (c: TraceChunk) => T, make: new (n: number) => T): T => concat(cs.map(f), make);
    const wide = cs.some((c) => c.stepStatement instanceof Uint32Array);
    const stepStatement = wide
      ? concat(
          cs.map((c) => Uint32Array.from(c.stepStatement)),
          Uint32Array,
        )
      : concat(
          cs.map((c) => c.stepStatement as Uint16Array),
          Uint16Array,
        );
    const trace: Trace = {
      version: TRACE_VERSION,
      files: last?.tables.files ?? [],
      names: last?.tables.names ?? [],
      statements: last?.tables.statements ?? [],
      slots: last?.tables.slots ?? [],
      stepCount: stepStatement.length,
      stepStatement,
      runCount: 0,
      runStep: pick((c) => c.runStep, Uint32Array),
      runFrame: pick((c) => c.runFrame, Uint32Array),
      frames: {
        depth: pick((c) => c.frames.depth, Uint16Array),
        name: pick((c) => c.frames.name, Uint32Array),
        module: pick((c) => c.frames.module, Uint16Array),
      },
      writeCount: 0,
      writeStep: pick((c) => c.writeStep, Uint32Array),
      writeSlot: pick((c) => c.writeSlot, Uint32Array),
      writeFrame: pick((c) => c.writeFrame, Uint32Array),
      writeValue: pick((c) => c.writeValue, Uint32Array),
      strings: cs.flatMap((c) => c.strings),
      numbers: pick((c) => c.numbers, Float64Array),
      others: cs.flatMap((c) => c.others),
      objectCount: 0,
      objectKind: pick((c) => c.objectKind, Uint8Array),
      objectClass: pick((c) => c.objectClass, Uint32Array),
      opCount: 0,
      opStep: pick((c) => c.opStep, Uint32Array),
      opObject: pick((c) => c.opObject, Uint32Array),
      opCode: pick((c) => c.opCode, Uint8Array),
      opA: pick((c) => c.opA, Uint32Array),
      opB: pick((c) => c.opB, Uint32Array),
      output: cs.flatMap((c) => c.output),
      graphOps: cs.flatMap((c) => c.graphOps),
      modules: last?.modules ?? [],
      ...(error ? { error } : {}),
    };
    trace.runCount = trace.runStep.length;
    trace.writeCount = trace.writeStep.length;
    trace.objectCount = trace.objectKind.length;
    trace.opCount = trace.opStep.length;
    return trace;
  }
}

/** The transferable buffers of a chunk. */
export function chunkBuffers(c: TraceChunk): ArrayBuffer[] {
  return [
    c.stepStatement,
    c.runStep,
    c.runFrame,
    c.frames.depth,
    c.frames.name,
    c.frames.module,
    c.writeStep,
    c.writeSlot,
    c.writeFrame,
    c.writeValue,
    c.numbers,
    c.objectKind,
    c.objectClass,
    c.opStep,
    c.opObject,
    c.opCode,
    c.opA,
    c.opB,
  ].map((a) => a.buffer as ArrayBuffer);
}
