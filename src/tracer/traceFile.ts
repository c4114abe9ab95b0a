/**
 * The trace file (`stepgraph run --trace-file`, `"trace": "file"` of `serve`, opened by the page's
 * Import): a header, then records, each a 4-byte little-endian length, a kind byte and its payload.
 * A `run` record says what ran, `chunk` records hold the trace as it was recorded (`traceBinary.ts`),
 * and an `end` record holds the executor's response without its trace. A file cut short (a server
 * that went away) still reads up to its last whole record. docs/EXECUTOR.md documents the layout.
 */
import type { TraceChunk } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';
import { fromUtf8, utf8 } from '../shared/utf8';
import { ChunkDecoder, TraceBytesError } from './traceBinary';

/** The first eight bytes of every trace file. */
export const TRACE_FILE_MAGIC = 'SGTRACE\n';
/** The layout version of the records (not the trace schema's: that follows it in the header). */
export const TRACE_FILE_FORMAT = 1;
/** Bytes of the header: magic, format, trace schema version. */
export const TRACE_FILE_HEADER_BYTES = 16;
/** Record kinds. */
export const RECORD = { RUN: 1, CHUNK: 2, END: 3 } as const;

/** The header of a trace file. */
export function traceFileHeader(): Uint8Array {
  const out = new Uint8Array(TRACE_FILE_HEADER_BYTES);
  out.set(utf8(TRACE_FILE_MAGIC));
  const view = new DataView(out.buffer);
  view.setUint32(8, TRACE_FILE_FORMAT, true);
  view.setUint32(12, TRACE_VERSION, true);
  return out;
}

/** One record: its length (kind byte included), its kind, its payload. */
export function traceRecord(kind: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length + 1, true);
  out[4] = kind;
  out.set(payload, 5);
  return out;
}

/** A record whose payload is a JSON value. */
export const jsonRecord = (kind: number, value: unknown): Uint8Array => traceRecord(kind, utf8(JSON.stringify(value)));

/** True when `bytes` start like a trace file (its magic), whatever its versions. */
export function isTraceFile(bytes: Uint8Array): boolean {
  const magic = utf8(TRACE_FILE_MAGIC);
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** What a trace file holds. Its JSON parts are as found: the reader's caller checks them. */
export interface TraceFileContent {
  /** The `run` record: the request that ran (files, main, graph, settings), unchecked. */
  run: unknown;
  /** The trace's chunks, in order. */
  chunks: TraceChunk[];
  /** The `end` record: the response without its trace, unchecked; undefined when the file was cut short. */
  end: unknown;
}

/** Reads a trace file; throws `TraceBytesError` (code `TRACE_BAD_BYTES`) when it is not one this reader reads. */
export function readTraceFile(bytes: Uint8Array): TraceFileContent {
  if (!isTraceFile(bytes) || bytes.length < TRACE_FILE_HEADER_BYTES) throw new TraceBytesError('not a trace file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(8, true);
  const version = view.getUint32(12, true);
  if (format !== TRACE_FILE_FORMAT || version !== TRACE_VERSION)
    throw new TraceBytesError(
      `a trace file of format ${format}, trace schema ${version}; this reader reads format ${TRACE_FILE_FORMAT}, schema ${TRACE_VERSION}`,
    );
  const chunks = new ChunkDecoder();
  const out: TraceFileContent = { run: undefined, chunks: [], end: undefined };
  const json = (payload: Uint8Array): unknown => {
    try {
      return JSON.parse(fromUtf8(payload));
    } catch {
      throw new TraceBytesError('a record that is not JSON');
    }
  };
  let at = TRACE_FILE_HEADER_BYTES;
  while (bytes.length - at >= 5) {
    const length = view.getUint32(at, true);
    if (length < 1 || length > bytes.length - at - 4) break; // cut short: keep what came before
    const kind = bytes[at + 4];
    const payload = bytes.subarray(at + 5, at + 4 + length);
    at += 4 + length;
    if (kind === RECORD.RUN) out.run = json(payload);
    else if (kind === RECORD.CHUNK) out.chunks.push(chunks.decode(payload));
    else if (kind === RECORD.END) out.end = json(payload);
    else throw new TraceBytesError(`a record of unknown kind ${String(kind)}`);
  }
  return out;
}
