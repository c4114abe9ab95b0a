import { it } from 'vitest';
import { nodeEngine, request } from './engine';
it('explore', async () => {
  process.on('unhandledRejection', (e) => console.log('UNHANDLED REJECTION', String(e)));
  const e = nodeEngine();
  let t0 = performance.now();
  let r = await e.run(request(`let i = 0;\nwhile (true) { i++; await sleep(100); }`, { settings: { timeLimitMs: 300 } }));
  console.log('run', performance.now() - t0, r.error?.code, r.trace.stepCount);
  r = await e.run(request(`await sleep(2000);`, { settings: { timeLimitMs: 300 } }));
  console.log('run2', performance.now() - t0, r.error?.code, r.trace.stepCount);
  t0 = performance.now();
  await e.shutdown();
  console.log('shutdown', performance.now() - t0);
});
