import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { TraceReader } from '../tracer/reader';
import { graphStateOf } from '../tracer/graphState';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

describe('graph operations', () => {
  it('[T-GOP1] graph mutations and trace.* calls land on their step', async () => {
    const r = await engine.run(
      request(
        [
          "graph.addNode('Z', { x: 1 });",
          "graph.addEdge('A', 'Z');",
          "graph.setNodeAttribute('A', 'color', 'red');",
          "trace.highlight('A', 'orange');",
          "trace.label('B', 'start');",
          "trace.note('the first pass');",
          "graph.dropNode('J');",
        ].join('\n'),
      ),
    );
    expect(r.ok).toBe(true);
    const rd = new TraceReader(r.trace);
    const kinds = r.trace.graphOps.map((o) => [rd.step(o.step).line, o.kind]);
    expect(kinds).toEqual([
      [1, 'addNode'],
      [2, 'addEdge'],
      [3, 'setNodeAttribute'],
      [4, 'highlight'],
      [5, 'label'],
      [6, 'note'],
      [7, 'dropEdge'],
      [7, 'dropNode'],
    ]);
    const mid = graphStateOf(rd.graphOps(3));
    expect([...mid.highlights]).toEqual([['A', 'orange']]);
    expect(mid.labels.size).toBe(0);
    const end = graphStateOf(rd.graphOps(rd.length - 1));
    expect([...end.addedNodes.keys()]).toEqual(['Z']);
    expect([...end.droppedNodes]).toEqual(['J']);
    expect(end.notes).toEqual([{ step: 5, text: 'the first pass' }]);
  });

  it('[T-GOP1] a trace.* call with a bad argument is a clear runner error', async () => {
    const r = await engine.run(request("trace.highlight('nope');"));
    expect(r.error).toMatchObject({ kind: 'runner', code: 'TRACE_BAD_ARGUMENT', line: 1 });
    expect(r.error?.message).toContain('"nope" is neither a node nor an edge');
  });
});
