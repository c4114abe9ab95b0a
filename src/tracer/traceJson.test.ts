import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import type { RunResponse } from '../protocol/run';
import { TraceReader } from './reader';
import { joinOutput, toTraceJson } from './traceJson';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const run = (code: string): Promise<RunResponse> => engine.run(request(code));

/** Breadth-first search on the ten-node sample graph (the default of `request`). */
const BFS = `const dist = new Map<string, number>([['A', 0]]);
const queue: string[] = ['A'];
while (queue.length > 0) {
  const node = queue.shift()!;
  console.log('visit', node);
  for (const next of graph.neighbors(node)) {
    if (!dist.has(next)) {
      dist.set(next, dist.get(node)! + 1);
      queue.push(next);
    }
  }
}
export default dist;`;

describe('toTraceJson', () => {
  it('gives one object per step with where it is, what it changed and what it printed', async () => {
    const r = await run(['let a = 1;', "console.log('a is', a);", 'a = 2;', "console.error('done');"].join('\n'));
    const json = toTraceJson(r.trace);
    expect(json.version).toBe(2);
    expect(json.files).toEqual(['main.ts']);
    expect(json.modules).toEqual([{ file: 'main.ts', parent: -1 }]);
    expect(json.steps.map((s) => [s.line, s.column, s.depth, s.module, s.file])).toEqual([
      [1, 1, 0, 0, 'main.ts'],
      [2, 1, 0, 0, 'main.ts'],
      [3, 1, 0, 0, 'main.ts'],
      [4, 1, 0, 0, 'main.ts'],
    ]);
    expect(json.steps[0]?.changed).toEqual([{ name: 'a', frame: json.steps[0]?.frame, value: 1 }]);
    expect(json.steps[1]?.changed).toBeUndefined();
    expect(json.steps[1]?.output).toEqual([{ stream: 'stdout', text: 'a is 1' }]);
    expect(json.steps[2]?.changed?.map((v) => v.value)).toEqual([2]);
    expect(json.steps[3]?.output).toEqual([{ stream: 'stderr', text: 'done' }]);
    expect(joinOutput(r.trace, 'stdout')).toBe('a is 1\n');
    expect(joinOutput(r.trace, 'stderr')).toBe('done\n');
  });

  it('agrees with TraceReader on every step: the changed variables of the step’s scope, with the same values', async () => {
    const r = await run(BFS);
    expect(r.ok).toBe(true);
    const json = toTraceJson(r.trace);
    const reader = new TraceReader(r.trace);
    expect(json.steps).toHaveLength(reader.length);
    json.steps.forEach((step, i) => {
      const info = reader.step(i);
      expect([step.line, step.column, step.depth, step.function]).toEqual([
        info.line,
        info.column,
        info.depth,
        info.functionName,
      ]);
      const inScope = (step.changed ?? []).filter((v) => reader.variables(i).some((r) => r.frame === v.frame));
      const expected = reader.variables(i).filter((v) => v.changed);
      expect(inScope.map((v) => [v.name, v.value]).sort()).toEqual(expected.map((v) => [v.name, v.value]).sort());
    });
  });

  it('keeps recursion frames apart and shows parameters bound on the calling step', async () => {
    const r = await run(
      ['function f(n: number): number {', '  return n <= 0 ? 0 : f(n - 1);', '}', 'f(2);'].join('\n'),
    );
    const json = toTraceJson(r.trace);
    const params = json.steps.flatMap((s) => (s.changed ?? []).filter((v) => v.name === 'n'));
    expect(params.map((v) => v.value)).toEqual([2, 1, 0]);
    expect(new Set(params.map((v) => v.frame)).size).toBe(3);
    expect(json.steps.map((s) => s.depth)).toEqual([0, 1, 2, 3]);
  });

  it('marks a collection changed in place on the step that changed it', async () => {
    const r = await run(['const q: number[] = [];', 'q.push(1);', 'const m = new Map();', "m.set('A', 0);"].join('\n'));
    const json = toTraceJson(r.trace);
    expect(json.steps[1]?.changed).toEqual([{ name: 'q', frame: 0, value: { $: 'array', items: [1], size: 1 } }]);
    expect(json.steps[3]?.changed?.[0]?.value).toEqual({ $: 'map', entries: [['A', 0]], size: 1 });
  });

  it('puts graph operations and output on their step, clamped to the steps there are', async () => {
    const r = await run(['let a = 1;', 'a = 2;'].join('\n'));
    // the recorder's graph operations, as the graph controller and `trace.*` append them
    r.trace.graphOps.push({ step: 0, kind: 'addNode', args: ['Z'] }, { step: 1, kind: 'note', args: ['added'] });
    r.trace.output.push({ step: 5, stream: 'stdout', text: 'late' });
    const json = toTraceJson(r.trace);
    expect(json.steps[0]?.graph).toEqual([{ kind: 'addNode', args: ['Z'] }]);
    expect(json.steps[1]?.graph).toEqual([{ kind: 'note', args: ['added'] }]);
    expect(json.steps[1]?.output).toEqual([{ stream: 'stdout', text: 'late' }]);
  });

  it('keeps the steps before a failure', async () => {
    const r = await run(['let a = 1;', 'a = 2;', "throw new Error('boom');"].join('\n'));
    expect(r.ok).toBe(false);
    const json = toTraceJson(r.trace);
    expect(json.steps.map((s) => s.line)).toEqual([1, 2, 3]);
  });
});
