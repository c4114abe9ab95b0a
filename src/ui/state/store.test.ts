import { describe, expect, it } from 'vitest';
import { InProcessClient } from '../../client/inProcessClient';
import { bfsDoc } from '../share/fixtures';
import { PlaygroundStore } from './store';

function store(): PlaygroundStore {
  const client = new InProcessClient({
    now: () => performance.now() as never,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  });
  const { step: _step, ...work } = bfsDoc;
  return new PlaygroundStore(client, work);
}

describe('[store] graph edits go through the store', () => {
  it('adds a node and selects it, connects the selection in order, deletes it', () => {
    const s = store();
    expect(s.addNode({ x: 1, y: 1 })).toBe('K');
    expect(s.getSnapshot().selection).toEqual(['K']);
    s.select(['K', 'A']);
    s.connectSelected();
    expect(s.getSnapshot().graph.edges.at(-1)).toEqual({ key: 'K-A', source: 'K', target: 'A' });
    expect(s.getSnapshot().selection).toEqual(['K-A']);
    s.deleteSelected();
    expect(s.getSnapshot().graph.edges.some((e) => e.key === 'K-A')).toBe(false);
  });

  it('Add edge connects the two nodes picked last, in order, also right after adding a node', () => {
    const s = store();
    s.addNode({ x: 1, y: 1 });
    // the new node is selected; then the person picks J, then A (a click adds to the selection)
    s.select([...s.getSnapshot().selection, 'J', 'A']);
    s.connectSelected();
    expect(s.getSnapshot().editNote).toBeUndefined();
    expect(s.getSnapshot().graph.edges.at(-1)).toMatchObject({ source: 'J', target: 'A' });
  });

  it('says why an edge was not added, and changes nothing', () => {
    const s = store();
    const graph = s.getSnapshot().graph;
    s.select(['A', 'B']);
    s.connectSelected();
    expect(s.getSnapshot().editNote).toBe('A and B are already connected.');
    expect(s.getSnapshot().graph).toBe(graph);
  });

  it('a drag keeps positions and makes the layout the saved positions', () => {
    const s = store();
    s.applyLayout('circle', new Map([['A', { x: 5, y: 5 }]]));
    expect(s.getSnapshot().layout).toBe('circle');
    s.moveNodes(new Map([['A', { x: 40.4, y: 9.6 }]]));
    expect(s.getSnapshot().graph.nodes[0]?.attributes).toEqual({ x: 40, y: 10 });
    expect(s.getSnapshot().layout).toBe('preset');
  });

  it('editing the graph or the seed after a run marks its trace stale; moving a node does not', async () => {
    const s = store();
    await s.run();
    s.moveNodes(new Map([['A', { x: 1, y: 1 }]]));
    expect(s.getSnapshot().stale).toBe(false);
    s.setSeed('other');
    expect(s.getSnapshot().stale).toBe(true);
  });
});

describe('[store] whole docs', () => {
  it('open loads, runs and shows the saved step; load drops the last run', async () => {
    const s = store();
    await s.open(bfsDoc);
    expect(s.getSnapshot().step).toBe(63);
    expect(s.doc()).toEqual(bfsDoc);
    const version = s.getSnapshot().docVersion;
    s.load({ ...bfsDoc, step: 0 });
    expect(s.getSnapshot().reader).toBeUndefined();
    expect(s.getSnapshot().docVersion).toBe(version + 1);
  });
});
