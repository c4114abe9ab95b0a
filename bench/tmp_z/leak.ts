import { Engine } from '../../src/executor/engine';
import { nodeHost } from '../../src/worker/nodeHost';
import { headlessApi } from '../../src/worker/headlessApi';
import { algorithmById, graphById } from '../../src/samples';
const bfs = algorithmById('bfs')!;
const req = { files: { 'main.ts': bfs.code }, main: 'main.ts', graph: graphById(bfs.graph)!.data, settings: { timeLimitMs: 5000, stepLimit: 1e6 } };
const api = headlessApi(new Engine(nodeHost()));
const ctl = new Int32Array(new SharedArrayBuffer(32));
const gc = (globalThis as { gc?: () => void }).gc!;
for (let round = 0; round <= 8; round++) {
  for (let i = 0; i < 1500; i++) await api.run(req, ctl, { version: '1', trace: 'steps', indent: 0 });
  gc(); gc();
  const m = process.memoryUsage();
  console.log(`${(round + 1) * 1500} runs: heapUsed ${(m.heapUsed / 2 ** 20).toFixed(1)} MB, external ${(m.external / 2 ** 20).toFixed(1)} MB, rss ${(m.rss / 2 ** 20).toFixed(0)} MB`);
}
process.exit(0);
