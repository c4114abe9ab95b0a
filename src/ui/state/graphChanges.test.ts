import { expect, it } from 'vitest';
import { InProcessClient } from '../../client/inProcessClient';
import { viewOf } from '../../tracer/view';
import { bfsDoc } from '../share/fixtures';
import { GraphChanges } from './graphChanges';
import { PlaygroundStore } from './store';

it('[playback] the next graph change is the first step whose highlights or badges differ', async () => {
  const client = new InProcessClient({
    now: () => performance.now() as never,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  });
  const { step: _step, ...work } = bfsDoc;
  const s = new PlaygroundStore(client, work);
  await s.run();
  const reader = s.getSnapshot().reader!;
  const keys = [...bfsDoc.graph.nodes.map((n) => n.key), ...bfsDoc.graph.edges.map((e) => e.key ?? '')];
  const look = (i: number) => {
    const v = viewOf(reader.variables(i, { items: 100, depth: 2 }), new Set(keys), new Map());
    return JSON.stringify([
      [...v.highlights].map(([k, l]) => [k, l.map((h) => h.variable)]).sort(),
      [...v.badges].sort(),
    ]);
  };
  const changes = new GraphChanges(reader, keys);
  let from = 0;
  let count = 0;
  for (;;) {
    const r = changes.next(from, 1e9);
    if (r.kind !== 'found') break;
    for (let i = from + 1; i < r.step; i++) expect(look(i)).toBe(look(from));
    expect(look(r.step)).not.toBe(look(from));
    from = r.step;
    count++;
  }
  expect(count).toBeGreaterThan(10);
  expect(count).toBeLessThan(reader.length * 0.9);
});
