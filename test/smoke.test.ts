import { it, expect } from 'vitest';
import { nodeEngine, request } from '../test/engine';
import { bfs } from '../src/samples/algorithms/bfs';
import { TraceReader } from '../src/tracer/reader';
it('smoke', async () => {
  const e = nodeEngine();
  const r = await e.run(request(bfs.code));
  console.log(JSON.stringify(r.error), r.result, r.stats);
  const rd = new TraceReader(r.trace);
  for (let i = 0; i < Math.min(20, rd.length); i++) console.log(JSON.stringify(rd.step(i)), JSON.stringify(rd.variables(i).map(v => [v.name, v.changed, v.value])));
  console.log(r.trace.output);
  expect(r.ok).toBe(true);
  await e.shutdown();
});
