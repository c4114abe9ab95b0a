import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import { nodeEngine, request } from '../../test/engine';
import { bfs } from '../samples/algorithms/bfs';

/** A full garbage collection, without starting Node with --expose-gc. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

describe('memory', () => {
  it('[T-RUN5] runs awaited back to back keep nothing of the earlier ones', async () => {
    const engine = nodeEngine();
    const batch = async (): Promise<number> => {
      for (let i = 0; i < 150; i++) await engine.run(request(bfs.code));
      collect();
      return process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    };
    await batch();
    const first = await batch();
    const later = [await batch(), await batch()];
    await engine.shutdown();
    // each run allocates ~1 MB of columns: 300 runs kept would be ~300 MB more
    for (const m of later) expect(m - first).toBeLessThan(40e6);
  }, 60_000);
});
