import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine } from '../../../test/engine';
import { graphById } from '..';
import { twoBfs } from './twoBfs';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

describe('two-bfs sample', () => {
  it('[C-SPAWN5] two child searches take turns and each visits the graph in BFS order', async () => {
    const graph = graphById(twoBfs.graph)?.data;
    if (!graph) throw new Error('no graph');
    const r = await engine.run({ files: { 'main.ts': twoBfs.code, ...twoBfs.files }, main: 'main.ts', graph });
    expect(r.error).toBeUndefined();
    expect(r.trace.output.map((o) => o.text)).toEqual([
      'from A: A B C D E F G H I J',
      expect.stringMatching(/^from J: J /),
    ]);
    expect(r.modules?.modules.map((m) => m.file)).toEqual(['main.ts', 'bfsFrom.ts', 'bfsFrom.ts']);
    // the children's steps alternate, visit after visit: the module that runs changes again and again
    const running = (r.modules?.samples ?? [])
      .filter((s) => s.state === 'running' && s.module > 0)
      .map((s) => s.module);
    const turns = running.filter((m, i) => i === 0 || m !== running[i - 1]).length;
    expect(turns).toBeGreaterThanOrEqual(18);
  });
});
