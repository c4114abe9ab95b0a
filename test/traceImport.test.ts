// The page's Import of a trace file (src/ui/share/traceImport.ts), fed files made with the recorder: ui/ may not import it.
import { describe, expect, it } from 'vitest';
import type { TraceChunk } from '../src/protocol/trace';
import { Recorder } from '../src/tracer/recorder';
import { Tables } from '../src/tracer/tables';
import { ChunkEncoder } from '../src/tracer/traceBinary';
import { jsonRecord, RECORD, traceFileHeader, traceRecord } from '../src/tracer/traceFile';
import { parseTraceFile } from '../src/ui/share/traceImport';

const RUN = {
  files: { 'main.ts': 'let x = 0;\nx++;\n' },
  main: 'main.ts',
  graph: { nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] },
  settings: { timeLimitMs: 5000, stepLimit: 1000000, seed: 's' },
};

function chunks(steps: number): TraceChunk[] {
  const tables = new Tables();
  const f = tables.file('main.ts');
  tables.statement(f, 1, 1);
  tables.statement(f, 2, 1);
  const x = tables.slot('x', f, 1);
  const rec = new Recorder(tables);
  const frame = rec.frame(tables.name('main.ts'), 0, true);
  const out: TraceChunk[] = [];
  for (let i = 0; i < steps; i++) {
    rec.step(i % 2, frame);
    rec.write(x, frame, i);
    if (i % 10 === 9) out.push(rec.chunk());
  }
  out.push(rec.chunk());
  return out;
}

function file(parts: { run?: unknown; chunks?: TraceChunk[]; end?: unknown; raw?: Uint8Array[] }): Uint8Array {
  const enc = new ChunkEncoder();
  const records = [
    traceFileHeader(),
    ...(parts.run === undefined ? [] : [jsonRecord(RECORD.RUN, parts.run)]),
    ...(parts.chunks ?? []).map((c) => traceRecord(RECORD.CHUNK, enc.encode(c))),
    ...(parts.raw ?? []),
    ...(parts.end === undefined ? [] : [jsonRecord(RECORD.END, parts.end)]),
  ];
  return new Uint8Array(Buffer.concat(records));
}

const END = { ok: true, result: 42, stats: { steps: 25, cpuMs: 3, wallMs: 9 } };

describe('[share] opening a trace file', () => {
  it('gives the playground that ran and its run, at every recorded step', () => {
    const r = parseTraceFile(file({ run: RUN, chunks: chunks(25), end: END }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc).toMatchObject({ mainFile: 'main.ts', files: RUN.files, layout: 'grid', step: 0 });
    expect(r.value.response).toMatchObject({ ok: true, result: 42, stats: { steps: 25 } });
    expect(r.value.response.trace.stepCount).toBe(25);
  });

  it('a failed run keeps its error; a file cut short says so', () => {
    const failed = parseTraceFile(
      file({
        run: RUN,
        chunks: chunks(12),
        end: {
          ok: false,
          stats: { steps: 12 },
          error: { phase: 'limit', code: 'LIMIT_TIME', name: 'StepgraphError', message: 'm', step: 11 },
        },
      }),
    );
    expect(failed.ok && failed.value.response.error).toMatchObject({ kind: 'limit', code: 'LIMIT_TIME', step: 11 });
    const cut = parseTraceFile(file({ run: RUN, chunks: chunks(12) }));
    expect(cut.ok && cut.value.response.error).toMatchObject({ code: 'TRACE_FILE_CUT_SHORT', step: 11 });
  });

  it('refuses a hostile or damaged file with a clear message, never throwing', () => {
    const badIndex = chunks(5);
    (badIndex[0] as TraceChunk).stepStatement[0] = 999;
    const cases = [
      file({ run: { ...RUN, files: { '../x': 'y' } }, chunks: chunks(3), end: END }),
      file({ run: { ...RUN, main: 'other.ts' }, chunks: chunks(3), end: END }),
      file({ run: RUN, chunks: badIndex, end: END }),
      file({ run: RUN, chunks: chunks(3), end: { ...END, result: { $: 'pwned' } } }),
      file({ run: RUN, raw: [traceRecord(RECORD.CHUNK, new Uint8Array([9, 9, 9, 9, 9]))], end: END }),
      file({ run: RUN, chunks: chunks(3), end: { ok: false, error: { phase: 'nope' } } }),
      new Uint8Array([...traceFileHeader().subarray(0, 12), 99, 0, 0, 0]),
    ];
    for (const bytes of cases) {
      const r = parseTraceFile(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('SHARE_BAD_SHAPE');
        expect(r.error.message).toMatch(/^share\/(importTrace|validate): /);
      }
    }
  });
});
