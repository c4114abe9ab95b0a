import { it } from 'vitest';
import { nodeEngine, request } from './engine';
import { TraceReader } from '../src/tracer/reader';
const cases: Array<[string, any]> = [
  ['golden', request(`let total = 0;\nconst xs = [3, 4];\nfor (const x of xs) {\n  total += x;\n}\nconsole.log('total', total);`)],
  ['forloop', request(`let s = 0;\nfor (let i = 0; i < 2; i++) {\n  s += i;\n}\ndo {\n  s--;\n} while (s > 0);`)],
];
it('explore', async () => {
  const e = nodeEngine();
  for (const [name, req] of cases) {
    const r = await e.run(req);
    console.log(name.padEnd(16), r.trace.stepCount, r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error), JSON.stringify(r.trace.output));
      const rd = new TraceReader(r.trace);
      for (let i = 0; i < rd.length; i++) { const s = rd.step(i); console.log('  ', i, s.line, s.column, 'depth', s.depth, JSON.stringify(rd.variables(i).filter(v => v.changed).map(v => [v.name, v.value]))); }
  }
  await e.shutdown();
});
