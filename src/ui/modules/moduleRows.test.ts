import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../../test/engine';
import type { RunResponse } from '../../protocol/run';
import { graphById } from '../../samples';
import { twoBfs } from '../../samples/algorithms/twoBfs';
import { TraceReader } from '../../tracer/reader';
import { withModule } from './caption';
import { lanesOf } from './lanes';
import { moduleNames, ownerOf, rowsAt } from './moduleRows';

const engine = nodeEngine();
let response: RunResponse;
let reader: TraceReader;

beforeAll(async () => {
  const graph = graphById('ten')?.data;
  if (!graph) throw new Error('no graph');
  response = await engine.run({ files: { 'main.ts': twoBfs.code, ...twoBfs.files }, main: 'main.ts', graph });
  reader = new TraceReader(response.trace);
});
afterAll(() => engine.shutdown());

/** The first step run by module `id`. */
const firstStepOf = (id: number): number => {
  for (let i = 0; i < reader.length; i++) if (reader.step(i).module === id) return i;
  throw new Error(`module ${id} never ran`);
};

describe('Modules panel rows', () => {
  it('[C-MOD1] names a file spawned twice by its start order', () => {
    const report = response.modules;
    if (!report) throw new Error('no modules');
    expect([...moduleNames(report.modules).values()]).toEqual(['main.ts', 'bfsFrom.ts #1', 'bfsFrom.ts #2']);
  });

  it('[C-MOD2] at a step, the module that ran it is running, the others wait or have not started', () => {
    const report = response.modules;
    if (!report) throw new Error('no modules');
    const step = firstStepOf(2);
    const rows = rowsAt(report, step, ownerOf(reader.trace, report, reader.step(step).module));
    expect(rows.map((r) => [r.name, r.depth, r.state])).toEqual([
      ['main.ts', 0, 'waiting'],
      ['bfsFrom.ts #1', 1, 'waiting'],
      ['bfsFrom.ts #2', 1, 'running'],
    ]);
    const before = rowsAt(report, 0, 0);
    expect(before.map((r) => r.state)).toEqual(['running', 'pending', 'pending']);
  });

  it('[C-MOD2] at the end, every module is done, with its usage against its limits', () => {
    const report = response.modules;
    if (!report) throw new Error('no modules');
    const rows = rowsAt(report, Infinity, undefined);
    expect(rows.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    const child = rows[1];
    expect(child?.cpuMs.limit).toBe(500);
    expect(child?.steps.used).toBeGreaterThan(20);
    expect(child?.timeMs.used).toBeGreaterThanOrEqual(200);
    expect(rows[0]?.steps.used).toBe(response.trace.stepCount);
  });

  it('[C-SPAWN5] the strip shows both children running in turns, and the caption names the module', () => {
    const report = response.modules;
    if (!report) throw new Error('no modules');
    const lanes = lanesOf(reader, report, 1000);
    expect(lanes.stepsPerColumn).toBe(1);
    const [, a, b] = lanes.columns;
    // interleaved: each child has runs of steps both before and after the other's
    expect(Math.min(...(a ?? []))).toBeLessThan(Math.max(...(b ?? [])));
    expect(Math.min(...(b ?? []))).toBeLessThan(Math.max(...(a ?? [])));
    const step = firstStepOf(2);
    expect(withModule({ reader, response, step }, 'line 7 in bfsFrom (depth 1)')).toBe(
      'line 7 in bfsFrom (depth 1) · bfsFrom.ts #2',
    );
  });
});
