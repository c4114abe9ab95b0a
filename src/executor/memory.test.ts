import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import { nodeEngine, request } from '../../test/engine';

/** A full garbage collection, without starting Node with --expose-gc. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** A small breadth-first search, as a user would write it. */
const BFS = `const queue = ['A'];
const seen = new Set(queue);
while (queue.length > 0) {
  const node = queue.shift()!;
  for (const next of graph.neighbors(node)) if (!seen.has(next)) { seen.add(next); queue.push(next); }
}
export default seen.size;`;

describe('memory', () => {
  it('[T-RUN5] runs awaited back to back keep nothing of the earlier ones', async () => {
    const engine = nodeEngine();
    const batch = async (): Promise<number> => {
      for (let i = 0; i < 300; i++) await engine.run(request(BFS));
      collect();
      // the recorder's columns are array buffers: a run kept alive shows there first
      return process.memoryUsage().arrayBuffers;
    };
    await batch();
    const first = await batch();
    const later = [await batch(), await batch()];
    await engine.shutdown();
    // each run allocates ~0.7 MB of columns: a batch of 300 runs kept would add ~200 MB, twice that
    // for the second; what the collector has not handed back yet stays well below
    for (const m of later) expect(m - first).toBeLessThan(100e6);
  }, 60_000);
});
