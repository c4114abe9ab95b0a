// `node --import ./bench/host/register.mjs`: the benchmarks host the engine as the workers do.
// graphology gets the `events` package (hooks.mjs); the engine's modules load, then SES locks down.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
await import('../../src/executor/engine.ts');
await import('../../src/worker/lockdown.ts');
