import { it } from 'vitest';
import { nodeEngine, request } from './engine';
const cases: Array<[string, any]> = [
  ['straySleep', request(`sleep(20).then(() => { let x = 1; });\nexport default 1;`)],
  ['strayTimeout', request(`setTimeout(() => { let x = 1; }, 20);\nexport default 1;`)],
  ['unawaitedReject', request(`async function f(){ await sleep(1); throw new Error('late'); }\nf();\nawait sleep(30);\nexport default 2;`)],
  ['after', request(`export default 1 + 1;`)],
];
it('explore', async () => {
  process.on('unhandledRejection', (e) => console.log('UNHANDLED REJECTION', String(e)));
  process.on('uncaughtException', (e) => console.log('UNCAUGHT', String(e)));
  const e = nodeEngine();
  for (const [name, req] of cases) {
    const r = await e.run(req);
    console.log(name.padEnd(16), r.trace.stepCount, r.ok ? JSON.stringify(r.result) : 'ERR ' + JSON.stringify(r.error));
  }
  await new Promise((r) => setTimeout(r, 100));
  await e.shutdown();
});
