import { describe, expect, it } from 'vitest';
import { Tables } from './tables';
import { Recorder } from './recorder';
import { TraceAssembler } from './assemble';
import { TraceReader } from './reader';

/** A recorder driven by hand: steps, writes of growing arrays and strings, output. */
function record(steps: number, chunkEvery: number): { rec: Recorder; chunks: ReturnType<Recorder['chunk']>[] } {
  const tables = new Tables();
  const f = tables.file('main.ts');
  for (let i = 0; i < 5; i++) tables.statement(f, i + 1, 1);
  const slot = tables.slot('xs', f, 1);
  const rec = new Recorder(tables);
  const frame = rec.frame(tables.name('main.ts'), 0, true);
  const xs: string[] = [];
  const chunks = [];
  for (let i = 0; i < steps; i++) {
    rec.step(i % 5, frame);
    if (i === 0) rec.write(slot, frame, xs);
    if (i % 3 === 0) {
      xs.push(`n${i}`);
      rec.store.op(rec.store.idOf(xs), 1, 0, rec.store.ref(`n${i}`));
    }
    if (i % 7 === 0) rec.print('stdout', `at ${i}`);
    if ((i + 1) % chunkEvery === 0) chunks.push(rec.chunk());
  }
  chunks.push(rec.chunk());
  return { rec, chunks };
}

describe('chunks', () => {
  it('[T-CHUNK1] the chunks of a run, put together, are the trace', () => {
    const { rec, chunks } = record(1000, 97);
    const asm = new TraceAssembler();
    for (const c of chunks) asm.add(c);
    const whole = rec.finish();
    const glued = asm.trace();
    expect(glued.stepCount).toBe(1000);
    expect(glued).toEqual(whole);
    const a = new TraceReader(glued);
    const b = new TraceReader(whole);
    for (const i of [0, 1, 499, 998, 999]) expect(a.variables(i)).toEqual(b.variables(i));
  });

  it('[T-CHUNK2] chunks received so far make a readable partial trace', () => {
    const { chunks } = record(1000, 100);
    const asm = new TraceAssembler();
    for (const c of chunks.slice(0, 4)) asm.add(c);
    const partial = new TraceReader(
      asm.trace({ kind: 'stopped', code: 'STOPPED', name: 'StepgraphError', message: 'stopped', step: 399 }),
    );
    expect(partial.length).toBe(400);
    expect(partial.output(399).at(-1)?.text).toBe('at 399');
    const xs = partial.variables(399).find((v) => v.name === 'xs')?.value;
    expect(xs).toMatchObject({ $: 'array', size: 134 });
  });

  it('[T-CHUNK3] a chunk out of order or of another version is refused', () => {
    const { chunks } = record(300, 100);
    const asm = new TraceAssembler();
    expect(() => asm.add(chunks[1]!)).toThrow(/chunk 1 arrived, 0 was expected/);
    expect(() => asm.add({ ...chunks[0]!, version: 9 as 2 })).toThrow(/version 9/);
  });
});
