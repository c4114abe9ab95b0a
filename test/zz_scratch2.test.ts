import { it } from 'vitest';
import { nodeEngine, request } from './engine';
const cases: Array<[string, any]> = [
  ['forbidden', request(`import fs from 'fs';\nexport default 1;`)],
  ['forbidden2', request(`const a = 1;\n  import { x } from "node:fs";`)],
  ['syntax', request(`const a = 1;\nconst b = ;\n`)],
  ['runtime', request(`let a = 1;\na++;\nnull.x;\na++;`)],
  ['timeLoop', request(`while (true) {}`, { settings: { timeLimitMs: 300 } })],
  ['steps', request(`let i = 0;\nwhile (true) { i++; }`, { settings: { stepLimit: 1000 } })],
  ['stack', request(`function f(n){ return f(n + 1) + 1; }\nf(0);`)],
  ['swallow', request(`while(true){ try { for(;;){} } catch {} }`, { settings: { timeLimitMs: 300 } })],
  ['swallowSteps', request(`while(true){ try { for(;;){} } catch (e) {} }`, { settings: { stepLimit: 1000 } })],
  ['swallowFinally', request(`while(true){ try { for(;;){} } finally { continue; } }`, { settings: { timeLimitMs: 300 } })],
  ['hung', request(`await new Promise(() => {});`, { settings: { timeLimitMs: 300 } })],
  ['hungSleepLoop', request(`while (true) { await sleep(10); }`, { settings: { timeLimitMs: 300 } })],
  ['rand1', request(`export default [Math.random(), Math.random()];`, { settings: { seed: 'a' } })],
  ['rand1b', request(`export default [Math.random(), Math.random()];`, { settings: { seed: 'a' } })],
  ['rand2', request(`export default [Math.random(), Math.random()];`, { settings: { seed: 'b' } })],
  ['badManifest', request(`export const manifest = { limits: { 'execution/steps': 'x' } };\nexport default 1;`)],
  ['manifestLimit', request(`export const manifest = { limits: { 'execution/steps': 50 } };\nlet i = 0;\nwhile (true) i++;`)],
  ['notObject', 42],
  ['nullReq', null],
  ['missingMain', { files: { 'a.ts': '' }, graph: { nodes: [], edges: [] } }],
  ['nodesNotArray', { files: { 'main.ts': '' }, main: 'main.ts', graph: { nodes: 3, edges: [] } }],
  ['edgeMissing', { files: { 'main.ts': '' }, main: 'main.ts', graph: { nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'zz' }] } }],
  ['noGraph', { files: { 'main.ts': '' }, main: 'main.ts' }],
  ['imports', request('', { files: { 'main.ts': `import { x } from './util';\nimport Graph from 'graphology';\nconst g = new Graph();\ng.addNode('q');\nexport default x + g.order;`, 'util.ts': `export const x = 41;` } })],
  ['after', request(`export default 1 + 1;`)],
  ['throwString', request(`throw 'oops';`)],
  ['asyncThrowLater', request(`async function f(){ await sleep(2); null.y; }\nawait f();`)],
  ['stackCaught', request(`function f(){ return f(); }\nlet r;\ntry { f(); } catch (e) { r = 'caught'; }\nexport default r;`)],
];
it('explore', async () => {
  const e = nodeEngine();
  for (const [name, req] of cases) {
    const t0 = performance.now();
    const r = await e.run(req);
    console.log(name.padEnd(16), (performance.now() - t0).toFixed(0).padStart(5), r.trace.stepCount, r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error));
  }
  await e.shutdown();
});
