/**
 * The compact JSON form of a trace, the executor's default (docs/EXECUTOR.md, "The trace"): the
 * trace schema of `protocol/trace.ts` field for field, each typed column written as
 * `{ "type": "Uint32Array", "base64": "…" }`, the base64 of its little-endian bytes. `readColumnsTrace`
 * is the documented reader: it gives back the very `Trace` the page builds.
 */
import type { ColumnJson, ColumnsTraceJson, TraceColumn, TraceFrameColumn } from '../protocol/headless';
import type { Trace } from '../protocol/trace';
import { TRACE_VERSION } from '../protocol/trace';

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** Fields of `Trace` that are typed columns (`frames.*` are nested). */
const COLUMNS = [
  'stepStatement',
  'runStep',
  'runFrame',
  'writeStep',
  'writeSlot',
  'writeFrame',
  'writeValue',
  'numbers',
  'objectKind',
  'objectClass',
  'opStep',
  'opObject',
  'opCode',
  'opA',
  'opB',
] as const satisfies readonly TraceColumn[];
const FRAME_COLUMNS = ['depth', 'name', 'module'] as const satisfies readonly TraceFrameColumn[];
// every column of the protocol's list is written and read here
const ALL_WRITTEN: Record<
  Exclude<TraceColumn, (typeof COLUMNS)[number]> | Exclude<TraceFrameColumn, (typeof FRAME_COLUMNS)[number]>,
  never
> = {};
void ALL_WRITTEN;

/** The bytes of a column, as base64 (the host passes its fastest encoder; Node has `Buffer`). */
export type Base64 = (bytes: Uint8Array) => string;

const column = (a: Typed, base64: Base64): ColumnJson => ({
  type: a.constructor.name as TypeName,
  base64: base64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)),
});

/** A trace in its compact JSON form; only the first `…Count` entries of each column are written. */
export function toColumnsJson(trace: Trace, base64: Base64): ColumnsTraceJson {
  const counts: Record<string, number> = {
    stepStatement: trace.stepCount,
    runStep: trace.runCount,
    runFrame: trace.runCount,
    writeStep: trace.writeCount,
    writeSlot: trace.writeCount,
    writeFrame: trace.writeCount,
    writeValue: trace.writeCount,
    objectKind: trace.objectCount,
    objectClass: trace.objectCount,
    opStep: trace.opCount,
    opObject: trace.opCount,
    opCode: trace.opCount,
    opA: trace.opCount,
    opB: trace.opCount,
  };
  const out: Record<string, unknown> = { form: 'columns', ...trace };
  for (const name of COLUMNS) {
    const a = trace[name];
    out[name] = column(a.subarray(0, counts[name] ?? a.length), base64);
  }
  out.frames = Object.fromEntries(FRAME_COLUMNS.map((n) => [n, column(trace.frames[n], base64)]));
  return out as ColumnsTraceJson;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** Base64 (with or without padding) → bytes; throws on a character outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? (SEXTET[code] as number) : -1;
    if (v < 0) throw new Error(`tracer/columns: "${clean[i]}" is not base64`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function readColumn(v: unknown, path: string): Typed {
  const c = v as Partial<ColumnJson> | null;
  const make = typeof c === 'object' && c !== null && typeof c.type === 'string' ? TYPES[c.type] : undefined;
  if (!make || typeof c?.base64 !== 'string') throw new Error(`tracer/columns: ${path} is not a column`);
  const bytes = fromBase64(c.base64);
  if (bytes.length % make.BYTES_PER_ELEMENT !== 0)
    throw new Error(`tracer/columns: ${path} is not a whole number of ${c.type} entries`);
  return new make(bytes.buffer as ArrayBuffer, 0, bytes.length / make.BYTES_PER_ELEMENT);
}

/**
 * The reader of the compact form: the executor's `trace` back into the `Trace` the page would have
 * built (typed columns, little-endian hosts). Checks the form and the columns, not every index:
 * `client/checkTrace.ts` does that for untrusted input.
 */
export function readColumnsTrace(json: unknown): Trace {
  const t = json as Record<string, unknown> | null;
  if (typeof t !== 'object' || t === null || t.form !== 'columns')
    throw new Error('tracer/columns: not a trace in the "columns" form');
  if (t.version !== TRACE_VERSION)
    throw new Error(`tracer/columns: trace schema ${String(t.version)}; this reader reads ${TRACE_VERSION}`);
  const { form: _form, ...rest } = t;
  const out: Record<string, unknown> = { ...rest };
  for (const name of COLUMNS) out[name] = readColumn(t[name], name);
  const frames = (t.frames ?? {}) as Record<string, unknown>;
  out.frames = Object.fromEntries(FRAME_COLUMNS.map((n) => [n, readColumn(frames[n], `frames.${n}`)]));
  return out as unknown as Trace;
}
