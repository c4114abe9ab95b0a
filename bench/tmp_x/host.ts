import { Engine } from '../../src/executor/engine';
import { workerHost } from '../../src/worker/host';
import { nodeEngine } from '../../test/engine';
import { algorithmById, graphById } from '../../src/samples';
const bfs = algorithmById('bfs')!;
const g = graphById(bfs.graph)!.data;
const req = { files: { 'main.ts': bfs.code }, main: 'main.ts', graph: g };
const engines = process.argv[2] === 'c' ? { channel: new Engine(workerHost()) } : { immediate: nodeEngine() };
for (let k = 0; k < 3; k++) for (const [name, e] of Object.entries(engines)) {
  const N = 300; const t0 = performance.now();
  for (let i = 0; i < N; i++) await e.run(req);
  console.log(name, ((performance.now() - t0) / N).toFixed(2));
}
process.exit(0);
