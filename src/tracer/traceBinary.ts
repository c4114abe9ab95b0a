/**
 * The binary form of a trace chunk (docs/EXECUTOR.md, "The trace file"): how a headless worker sends
 * what it recorded out of the process that may be killed, and what a trace file holds. A chunk is a
 * small JSON head (tables, strings, output…) followed by its typed columns as raw little-endian bytes.
 * Tables and modules are written only when they changed since the previous chunk of the same run.
 */
import type { TraceChunk } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';
import { fromUtf8, utf8 } from '../shared/utf8';

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;
type Make = new (buffer: ArrayBuffer) => Typed;

/** The typed columns of a chunk, in the order their bytes follow the head. */
const COLUMNS: ReadonlyArray<[string, (c: TraceChunk) => Typed, Make]> = [
  ['runStep', (c) => c.runStep, Uint32Array],
  ['runFrame', (c) => c.runFrame, Uint32Array],
  ['frames.depth', (c) => c.frames.depth, Uint16Array],
  ['frames.name', (c) => c.frames.name, Uint32Array],
  ['frames.module', (c) => c.frames.module, Uint16Array],
  ['writeStep', (c) => c.writeStep, Uint32Array],
  ['writeSlot', (c) => c.writeSlot, Uint32Array],
  ['writeFrame', (c) => c.writeFrame, Uint32Array],
  ['writeValue', (c) => c.writeValue, Uint32Array],
  ['numbers', (c) => c.numbers, Float64Array],
  ['objectKind', (c) => c.objectKind, Uint8Array],
  ['objectClass', (c) => c.objectClass, Uint32Array],
  ['opStep', (c) => c.opStep, Uint32Array],
  ['opObject', (c) => c.opObject, Uint32Array],
  ['opCode', (c) => c.opCode, Uint8Array],
  ['opA', (c) => c.opA, Uint32Array],
  ['opB', (c) => c.opB, Uint32Array],
];

/** The JSON head of a binary chunk. */
interface ChunkHead {
  /** The chunk's index in its run. */
  index: number;
  /** The tables, or null when they are those of the previous chunk. */
  tables: TraceChunk['tables'] | null;
  /** The modules, or null when they are those of the previous chunk. */
  modules: TraceChunk['modules'] | null;
  /** Whether `stepStatement` is 32-bit. */
  wide: boolean;
  /** Entries of `stepStatement`, then of each of `COLUMNS`. */
  lengths: number[];
  strings: TraceChunk['strings'];
  others: TraceChunk['others'];
  output: TraceChunk['output'];
  graphOps: TraceChunk['graphOps'];
}

/** Why bytes are not a chunk (or a trace file): a stable code, as errors of this project carry. */
export class TraceBytesError extends Error {
  /** Always `TRACE_BAD_BYTES`. */
  readonly code = 'TRACE_BAD_BYTES';
  constructor(message: string) {
    super(`tracer/binary: ${message}`);
  }
}

const sizes = (tables: TraceChunk['tables']): string =>
  `${tables.files.length}/${tables.names.length}/${tables.statements.length}/${tables.slots.length}`;

/** Turns a run's chunks, in order, into bytes; one encoder per run. */
export class ChunkEncoder {
  private tables = '';
  private modules = -1;

  /** The chunk's bytes: a 4-byte little-endian head length, the head, then the columns. */
  encode(c: TraceChunk): Uint8Array {
    const tablesNow = sizes(c.tables);
    const head: ChunkHead = {
      index: c.index,
      tables: tablesNow === this.tables ? null : c.tables,
      modules: c.modules.length === this.modules ? null : c.modules,
      wide: c.stepStatement instanceof Uint32Array,
      lengths: [c.stepStatement.length, ...COLUMNS.map(([, get]) => get(c).length)],
      strings: c.strings,
      others: c.others,
      output: c.output,
      graphOps: c.graphOps,
    };
    this.tables = tablesNow;
    this.modules = c.modules.length;
    const json = utf8(JSON.stringify(head));
    const columns = [c.stepStatement, ...COLUMNS.map(([, get]) => get(c))];
    let size = 4 + json.length;
    for (const col of columns) size += col.byteLength;
    const out = new Uint8Array(size);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 4);
    let at = 4 + json.length;
    for (const col of columns) {
      out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), at);
      at += col.byteLength;
    }
    return out;
  }
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** Reads a run's chunks, in order, from bytes; one decoder per run. Checks the framing, not the content. */
export class ChunkDecoder {
  private tables: TraceChunk['tables'] | undefined;
  private modules: TraceChunk['modules'] = [];

  /** The chunk in `bytes` (all of them); throws `TraceBytesError` when they are not one. */
  decode(bytes: Uint8Array): TraceChunk {
    if (bytes.length < 4) throw new TraceBytesError('a chunk shorter than its head');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headLength = view.getUint32(0, true);
    if (headLength > bytes.length - 4) throw new TraceBytesError('a chunk head longer than the chunk');
    let head: ChunkHead;
    try {
      head = JSON.parse(fromUtf8(bytes.subarray(4, 4 + headLength))) as ChunkHead;
    } catch {
      throw new TraceBytesError('a chunk head that is not JSON');
    }
    if (typeof head !== 'object' || head === null) throw new TraceBytesError('a chunk head that is not an object');
    const { lengths } = head;
    if (
      !isList(lengths) ||
      lengths.length !== COLUMNS.length + 1 ||
      !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)
    )
      throw new TraceBytesError('a chunk head without its column lengths');
    if (!isList(head.strings) || !isList(head.others) || !isList(head.output) || !isList(head.graphOps))
      throw new TraceBytesError('a chunk head without its lists');
    const tables = head.tables ?? this.tables;
    if (!tables || typeof tables !== 'object') throw new TraceBytesError('a first chunk without its tables');
    const modules = head.modules ?? this.modules;
    if (!isList(modules)) throw new TraceBytesError('a chunk with modules that are not a list');
    let at = 4 + headLength;
    const take = (n: number, make: Make & { BYTES_PER_ELEMENT: number }): Typed => {
      const size = n * make.BYTES_PER_ELEMENT;
      if (size > bytes.length - at) throw new TraceBytesError('a chunk shorter than its columns');
      // a copy: its own aligned buffer, transferable, and no view into the bytes it came from
      const out = new make(bytes.slice(at, at + size).buffer);
      at += size;
      return out;
    };
    const [steps = 0, ...rest] = lengths as number[];
    const stepStatement = take(steps, head.wide ? Uint32Array : Uint16Array) as Uint16Array | Uint32Array;
    const cols = new Map<string, Typed>();
    COLUMNS.forEach(([name, , make], i) => cols.set(name, take(rest[i] as number, make as never)));
    if (at !== bytes.length) throw new TraceBytesError('bytes past the end of a chunk');
    this.tables = tables;
    this.modules = modules as TraceChunk['modules'];
    const col = <T extends Typed>(name: string): T => cols.get(name) as T;
    return {
      version: TRACE_VERSION,
      index: head.index,
      tables,
      modules: this.modules,
      stepStatement,
      runStep: col('runStep'),
      runFrame: col('runFrame'),
      frames: { depth: col('frames.depth'), name: col('frames.name'), module: col('frames.module') },
      writeStep: col('writeStep'),
      writeSlot: col('writeSlot'),
      writeFrame: col('writeFrame'),
      writeValue: col('writeValue'),
      strings: head.strings,
      numbers: col('numbers'),
      others: head.others,
      objectKind: col('objectKind'),
      objectClass: col('objectClass'),
      opStep: col('opStep'),
      opObject: col('opObject'),
      opCode: col('opCode'),
      opA: col('opA'),
      opB: col('opB'),
      output: head.output,
      graphOps: head.graphOps,
    };
  }
}
