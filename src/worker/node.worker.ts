// The entry of a worker process of the headless executor (`cli/spawnWorker.ts` starts one per pool
// place, under Node's permission model): it hosts the very same engine as the browser's worker and
// answers the pool's messages (`protocol/process.ts`) on file descriptor 3, one run at a time.
import { Engine } from '../executor/engine';
import type { HostMessage, RunStartMessage } from '../protocol/process';
import { createControlBlock, requestStop } from '../shared/control';
import { headlessApi, internalOutcome } from './headlessApi';
import { nodeHost } from './nodeHost';
import { openChannel } from './processChannel';
import { probe, probeEnabled } from './probe';
// last: every module above (the engine, Babel, sucrase, graphology) has loaded; now SES freezes the
// intrinsics, before any script runs (worker/lockdown.ts says why the order matters)
import './lockdown';

const channel = openChannel();
/** Node's `process`, as far as used here (worker/ is checked without Node's types). */
const { process } = globalThis as unknown as { process: { env: Record<string, string | undefined> } };
// the pool sets this only when the server grants some URL (`--allow-net`)
const api = headlessApi(new Engine(nodeHost({ network: process.env.STEPGRAPH_WORKER_NETWORK === '1' })));
/** The run in progress: its id, and the control block whose stop flag the engine reads at each check. */
let current: { id: number; control: Int32Array } | undefined;

async function start(m: RunStartMessage): Promise<void> {
  // the block stays in this process: the pool's `run/stop` sets its flag once the event loop turns
  const control = createControlBlock(false);
  current = { id: m.id, control };
  // progress goes out from inside the check, while the script runs: a pipe write happens at once
  const onProgress = (steps: number): void => channel.send({ tag: 'run/progress', id: m.id, steps });
  // each chunk of the trace leaves this process as soon as it is made: a worker the watchdog kills keeps nothing
  const onChunk = (bytes: Uint8Array): void => channel.sendChunk(m.id, bytes);
  const outcome = await api.run(m.request, control, { ...m.options, indent: 0 }, onProgress, onChunk);
  current = undefined;
  try {
    channel.send({ tag: 'run/done', id: m.id, outcome });
  } catch (e) {
    // the answer is too long to frame (a string has a longest length): say so instead
    channel.send({ tag: 'run/done', id: m.id, outcome: internalOutcome(e, m.request, m.options) });
  }
}

channel.onMessage((m: HostMessage) => {
  if (m.tag === 'run/start') void start(m);
  else if (m.tag === 'run/stop' && current?.id === m.id) requestStop(current.control);
  else if (m.tag === 'debug/probe' && probeEnabled()) channel.send({ tag: 'debug/probed', results: probe() });
});
void api.allowedImports().then((imports) => channel.send({ tag: 'worker/ready', imports }));
