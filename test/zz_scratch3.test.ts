import { it } from 'vitest';
import { nodeEngine, request } from './engine';
import { TraceReader } from '../src/tracer/reader';
const cases: Array<[string, any]> = [
  ['multiImport', request('', { settings: { stepLimit: 3000 }, files: { 'main.ts': `import { a } from './a';\nimport { b } from './b';\nlet i = 0;\nwhile (true) { i++; }`, 'a.ts': `export let a = 0;\nfor (let k = 0; k < 300; k++) { a += k; }`, 'b.ts': `export let b = 0;\nfor (let k = 0; k < 300; k++) { b += k; }` } })],
  ['randImport', request('', { files: { 'main.ts': `import { r } from './u';\nexport default [r, Math.random()];`, 'u.ts': `export const r = Math.random();` } })],
  ['fact', request(`function fact(n) {\n  if (n <= 1) return 1;\n  return n * fact(n - 1);\n}\nconst r = fact(3);\nexport default r;`)],
  ['print', request(`let x = 1;\nconsole.log('hi', x);\nx = 2;\nconsole.log('bye');`)],
  ['cyclic', request(`const a: any = { name: 'a' };\na.self = a;\nconst arr: any[] = [1];\narr.push(arr);\nexport default a;`)],
];
it('explore', async () => {
  const e = nodeEngine();
  for (const [name, req] of cases) {
    const r = await e.run(req);
    console.log(name.padEnd(16), r.trace.stepCount, r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error));
    if (r.trace.stepCount < 30) {
      const rd = new TraceReader(r.trace);
      for (let i = 0; i < rd.length; i++) { const s = rd.step(i); console.log('  ', i, s.line, s.depth, s.frame, s.functionName, JSON.stringify(rd.variables(i).map(v => [v.name, v.frame, v.changed, v.value]))); }
      console.log(JSON.stringify(r.trace.output));
    }
  }
  await e.shutdown();
});
