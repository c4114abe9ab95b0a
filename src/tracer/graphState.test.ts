import { describe, expect, it } from 'vitest';
import type { TraceGraphOp } from '../protocol/trace';
import { graphStateOf } from './graphState';

const op = (step: number, kind: string, ...args: TraceGraphOp['args']): TraceGraphOp => ({ step, kind, args });

describe('graph state at a step', () => {
  it('[T-GOP2] structural changes: added then dropped cancels out; dropping a starting node marks it', () => {
    const s = graphStateOf([
      op(1, 'addNode', 'X', { $: 'object', cls: 'Object', entries: [], size: 0 }),
      op(2, 'addEdge', 'e1', 'A', 'X', true),
      op(3, 'dropNode', 'B'),
      op(4, 'dropEdge', 'e1'),
      op(5, 'addNode', 'Y', { $: 'object', cls: 'Object', entries: [], size: 0 }),
      op(6, 'dropNode', 'Y'),
      op(7, 'setNodeAttribute', 'A', 'color', 'red'),
    ]);
    expect([...s.addedNodes.keys()]).toEqual(['X']);
    expect([...s.droppedNodes]).toEqual(['B']);
    expect(s.addedEdges.size).toBe(0);
    expect(s.droppedEdges.size).toBe(0);
    expect(s.nodeAttributes.get('A')).toEqual({ color: 'red' });
  });

  it('[T-GOP2] attributes: edge attributes too, a whole-attributes update replaces them, a dropped edge loses them', () => {
    const obj = (entries: Array<[string, TraceGraphOp['args'][number]]>) =>
      ({ $: 'object', cls: 'Object', entries, size: entries.length }) as TraceGraphOp['args'][number];
    const s = graphStateOf([
      op(1, 'setEdgeAttribute', 'A-B', 'color', 'red'),
      op(2, 'setEdgeAttribute', 'A-B', 'label', 'tree'),
      op(3, 'removeEdgeAttribute', 'A-B', 'label'),
      op(4, 'setEdgeAttribute', 'B-C', 'color', 'blue'),
      op(5, 'dropEdge', 'B-C'),
      op(
        6,
        'setNodeAttributes',
        'A',
        obj([
          ['label', 'start'],
          ['color', 'green'],
        ]),
      ),
      op(7, 'setEdgeAttributes', 'C-D', obj([['weight', 3]])),
    ]);
    expect(Object.fromEntries(s.edgeAttributes)).toEqual({ 'A-B': { color: 'red' }, 'C-D': { weight: 3 } });
    expect(s.nodeAttributes.get('A')).toEqual({ label: 'start', color: 'green' });
  });

  it('[T-GOP2] annotations: highlight until removed, labels, notes with their steps', () => {
    const s = graphStateOf([
      op(1, 'highlight', 'A', ''),
      op(2, 'highlight', 'B', '#f00'),
      op(3, 'highlight', 'A', null),
      op(4, 'label', 'C', 'start'),
      op(5, 'note', 'first pass'),
      op(6, 'label', 'C', ''),
      op(7, 'note', 'second pass'),
    ]);
    expect([...s.highlights]).toEqual([['B', '#f00']]);
    expect(s.labels.size).toBe(0);
    expect(s.notes).toEqual([
      { step: 5, text: 'first pass' },
      { step: 7, text: 'second pass' },
    ]);
  });
});
