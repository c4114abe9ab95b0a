// Profiles traced BFS on a 100×100 grid: node --cpu-prof --import tsx bench/profile.ts
import { Engine } from '../src/executor/engine';
import { grid } from './graphs';
import { BFS } from './scripts';

const engine = new Engine({
  now: () => performance.now() as never,
  yieldToHost: () => new Promise((r) => setImmediate(r)),
  timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
});
const g = grid(100, 100);
let best = Infinity;
for (let i = 0; i < 60; i++) {
  const r = await engine.run({
    files: { 'main.ts': BFS },
    main: 'main.ts',
    graph: g,
    settings: { stepLimit: 5e6, timeLimitMs: 60000 },
  });
  best = Math.min(best, r.stats.mainMs);
}
console.log(`fastest main phase: ${best.toFixed(2)} ms`);
await engine.shutdown();
