import { nodeEngine } from '../../test/engine';
import { algorithmById, graphById } from '../../src/samples';
import { toExecutorResponse } from '../../src/worker/headlessResponse';
const bfs = algorithmById('bfs')!;
const g = graphById(bfs.graph)!.data;
const e = nodeEngine();
const req = { files: { 'main.ts': bfs.code }, main: 'main.ts', graph: g };
for (let k = 0; k < 4; k++) {
  let te = 0, tj = 0, ts = 0, main = 0;
  const N = 300;
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = await e.run(req);
    const t1 = performance.now();
    const x = toExecutorResponse(r, { version: '1', trace: 'steps', limits: { timeLimitMs: 1, stepLimit: 1 } });
    const t2 = performance.now();
    const s = JSON.stringify(x);
    const t3 = performance.now();
    te += t1 - t0; tj += t2 - t1; ts += t3 - t2; main += r.stats.mainMs;
    if (i === 0 && k === 0) console.log('bytes', s.length);
  }
  console.log(`engine ${(te / N).toFixed(2)} (main ${(main / N).toFixed(2)}) json ${(tj / N).toFixed(2)} stringify ${(ts / N).toFixed(2)} ms`);
}
await e.shutdown();
