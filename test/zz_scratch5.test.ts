import { it } from 'vitest';
import { nodeEngine, request } from './engine';
import { TraceReader } from '../src/tracer/reader';
const cases: Array<[string, any]> = [
  ['fib', request(`function fib(n) {\n  if (n < 2) return n;\n  return fib(n - 1) + fib(n - 2);\n}\nexport default fib(3);`)],
  ['nested', request(`function g(x) {\n  return x;\n}\nfunction f(x) {\n  return x;\n}\nf(g(1));`)],
  ['imp', request('', { files: { 'main.ts': `import { x } from './u';\nconst top = 1;\nfunction f() {\n  let a = x;\n  return a;\n}\nf();`, 'u.ts': `export const x = 5;\nconst hidden = 9;` } })],
];
it('explore', async () => {
  const e = nodeEngine();
  for (const [name, req] of cases) {
    const r = await e.run(req);
    console.log(name.padEnd(16), r.trace.stepCount, r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error), JSON.stringify(r.trace.modules));
      const rd = new TraceReader(r.trace);
      for (let i = 0; i < rd.length; i++) { const s = rd.step(i); console.log('  ', i, s.file, s.line, 'depth', s.depth, 'frame', s.frame, 'mod', s.module, s.functionName, JSON.stringify(rd.variables(i).map(v => [v.name, v.frame, v.changed, v.value]))); }
  }
  await e.shutdown();
});
