import { describe, expect, it } from 'vitest';
import { TraceAssembler } from './assemble';
import { ChunkTail } from './chunkTail';
import { OutputLog } from './outputLog';
import { Recorder } from './recorder';
import { Tables } from './tables';
import { ChunkDecoder, ChunkEncoder, TraceBytesError } from './traceBinary';
import { fromBase64, readColumnsTrace, toColumnsJson } from './traceColumns';
import { isTraceFile, jsonRecord, readTraceFile, RECORD, traceFileHeader, traceRecord } from './traceFile';

const base64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** A recorder driven by hand, as a run would: steps, a growing array, a changing number, output. */
function recorded(steps: number, chunkEvery: number, output?: OutputLog) {
  const tables = new Tables();
  const f = tables.file('main.ts');
  for (let i = 0; i < 5; i++) tables.statement(f, i + 1, 1);
  const xs = tables.slot('xs', f, 1);
  const x = tables.slot('x', f, 2);
  const rec = new Recorder(tables);
  // a small output budget, to see the window kept from the end of a run
  if (output) (rec as unknown as { output: OutputLog }).output = output;
  const frame = rec.frame(tables.name('main.ts'), 0, true);
  const list: string[] = [];
  const chunks = [];
  for (let i = 0; i < steps; i++) {
    rec.step(i % 5, frame);
    if (i === 0) rec.write(xs, frame, list);
    rec.write(x, frame, i + 0.5);
    if (i % 3 === 0) {
      list.push(`n${i}`);
      rec.store.op(rec.store.idOf(list), 1, 0, rec.store.ref(`n${i}`));
    }
    if (i % 7 === 0) rec.print('stdout', `at ${i}`);
    if ((i + 1) % chunkEvery === 0) chunks.push(rec.chunk());
  }
  return { rec, chunks };
}

const glue = (chunks: Parameters<TraceAssembler['add']>[0][]) => {
  const asm = new TraceAssembler();
  for (const c of chunks) asm.add(c);
  return asm.trace();
};

describe('trace codecs', () => {
  it('[T-BIN1] chunks through their binary form put together the same trace; tables are written once', () => {
    const { rec, chunks } = recorded(1000, 97);
    chunks.push(rec.chunk());
    const enc = new ChunkEncoder();
    const dec = new ChunkDecoder();
    const bytes = chunks.map((c) => enc.encode(c));
    const decoded = bytes.map((b) => dec.decode(b));
    expect(glue(decoded)).toEqual(glue(chunks));
    // the second chunk repeats no table: it is smaller than its head would be with them
    const head = (b: Uint8Array) =>
      JSON.parse(Buffer.from(b.subarray(4, 4 + new DataView(b.buffer).getUint32(0, true))).toString());
    expect(head(bytes[0] as Uint8Array).tables).not.toBeNull();
    expect(head(bytes[1] as Uint8Array).tables).toBeNull();
  });

  it('[T-BIN2] bytes that are not a chunk are refused with TRACE_BAD_BYTES, never read past', () => {
    const { rec } = recorded(50, 1000);
    const good = new ChunkEncoder().encode(rec.chunk());
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new Uint8Array([255, 255, 255, 255]),
      good.subarray(0, good.length - 1),
      new Uint8Array([...good, 0]),
      (() => {
        const b = new Uint8Array([2, 0, 0, 0, 123, 125]); // "{}": no lengths
        return b;
      })(),
      (() => {
        // a head claiming a huge column
        const head = Buffer.from(
          JSON.stringify({
            index: 0,
            tables: null,
            modules: null,
            wide: false,
            lengths: [1e9, ...Array(17).fill(0)],
            strings: [],
            others: [],
            output: [],
            graphOps: [],
          }),
        );
        const b = new Uint8Array(4 + head.length);
        new DataView(b.buffer).setUint32(0, head.length, true);
        b.set(head, 4);
        return b;
      })(),
    ];
    for (const bytes of cases) {
      let thrown: unknown;
      try {
        new ChunkDecoder().decode(bytes);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(TraceBytesError);
      expect((thrown as TraceBytesError).code).toBe('TRACE_BAD_BYTES');
    }
  });

  it("[T-BIN3] the chunks sent and the finished trace's tail give the finished trace, its output window included", () => {
    const { rec, chunks } = recorded(400, 50, new OutputLog({ lines: 20, chars: 1000 }));
    const tail = new ChunkTail();
    for (const c of chunks) tail.add(c);
    const whole = rec.finish();
    expect(glue([...chunks, tail.tail(whole)])).toEqual(whole);
    expect(whole.output.some((o) => o.text.includes('LIMIT_OUTPUT'))).toBe(true);
  });

  it('[T-FILE1] a trace file reads back its run, chunks and end; one cut short reads up to its last record', () => {
    const { rec, chunks } = recorded(300, 40);
    chunks.push(rec.chunk());
    const enc = new ChunkEncoder();
    const parts = [
      traceFileHeader(),
      jsonRecord(RECORD.RUN, { main: 'main.ts' }),
      ...chunks.map((c) => traceRecord(RECORD.CHUNK, enc.encode(c))),
      jsonRecord(RECORD.END, { ok: true }),
    ];
    const bytes = new Uint8Array(Buffer.concat(parts));
    expect(isTraceFile(bytes)).toBe(true);
    const file = readTraceFile(bytes);
    expect(file.run).toEqual({ main: 'main.ts' });
    expect(file.end).toEqual({ ok: true });
    expect(glue(file.chunks)).toEqual(glue(chunks));
    const cut = readTraceFile(bytes.subarray(0, bytes.length - 7));
    expect(cut.end).toBeUndefined();
    expect(cut.chunks).toHaveLength(chunks.length);
  });

  it('[T-FILE2] another file, a newer format or a damaged record is refused with TRACE_BAD_BYTES', () => {
    const header = traceFileHeader();
    const newer = header.slice();
    new DataView(newer.buffer).setUint32(8, 99, true);
    const unknownKind = Buffer.concat([header, traceRecord(9, new Uint8Array(3))]);
    const badJson = Buffer.concat([header, traceRecord(RECORD.RUN, new Uint8Array([123]))]);
    const badChunk = Buffer.concat([header, traceRecord(RECORD.CHUNK, new Uint8Array([1, 2, 3, 4, 5]))]);
    for (const bytes of [new TextEncoder().encode('{"stepgraph":1}'), newer, unknownKind, badJson, badChunk]) {
      expect(() => readTraceFile(new Uint8Array(bytes))).toThrow(TraceBytesError);
    }
  });

  it('[T-COLS1] the columns JSON form read back is the trace, typed arrays and all', () => {
    const { rec } = recorded(500, 1000);
    const trace = rec.finish();
    const json = JSON.parse(JSON.stringify(toColumnsJson(trace, base64)));
    expect(json.form).toBe('columns');
    expect(json.stepStatement.type).toBe('Uint16Array');
    expect(readColumnsTrace(json)).toEqual(trace);
  });

  it('[T-COLS2] the reader refuses what is not the columns form, a column that is not base64 or not whole', () => {
    const { rec } = recorded(20, 1000);
    const json = JSON.parse(JSON.stringify(toColumnsJson(rec.finish(), base64)));
    expect(() => readColumnsTrace({ ...json, form: 'steps' })).toThrow(/columns/);
    expect(() => readColumnsTrace({ ...json, version: 99 })).toThrow(/schema/);
    expect(() => readColumnsTrace({ ...json, runStep: { type: 'Uint32Array', base64: '***' } })).toThrow(/base64/);
    expect(() => readColumnsTrace({ ...json, runStep: { type: 'Uint32Array', base64: 'AAA=' } })).toThrow(/whole/);
    expect(() => readColumnsTrace({ ...json, runStep: { type: 'Array', base64: '' } })).toThrow(/column/);
    expect(fromBase64(base64(new Uint8Array([1, 2, 3, 250])))).toEqual(new Uint8Array([1, 2, 3, 250]));
  });
});
