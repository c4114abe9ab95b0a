import { constants } from 'node:buffer';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workerReadPaths } from './readPaths';
import { WorkerProcess, type WorkerBounds } from './workerProcess';

/** How worker processes are started. */
export interface WorkerSettings {
  /** The built CLI's folder (`dist-cli/`), holding `node.worker.js`. */
  distDir: string;
  /** The heap limit of each process (`--max-old-space-size`), in MB. */
  memoryLimitMb: number;
  /** Whether the server grants any URL (`--allow-net`): only then does the engine get a `fetch`. */
  network: boolean;
  /** Milliseconds a worker has to answer a stop before it is killed. */
  stopGraceMs: number;
  /** Tests only: the worker answers `debug/probe`. No flag, variable or request sets it. */
  probe?: boolean;
  /** Tests only: another entry file in `distDir` (a misbehaving worker). */
  entry?: string;
}

/**
 * Node's flags for a worker process: the permission model with reads of the executor's own files and
 * nothing else (no writes, no child processes, no worker threads, no native addons, no inspector,
 * WASI off), and a heap limit. `--allow-fs-read` is given once per path, so paths may hold commas.
 */
export function workerFlags(readPaths: string[], memoryLimitMb: number): string[] {
  return [
    '--experimental-permission',
    ...readPaths.map((p) => `--allow-fs-read=${p}`),
    '--no-addons',
    `--max-old-space-size=${memoryLimitMb}`,
    // the permission model's warning, printed by every process, says nothing an operator can act on
    '--disable-warning=ExperimentalWarning',
  ];
}

/**
 * Starts worker processes running `node.worker.js`, each under `workerFlags`. The environment is
 * built here, not inherited: the server's variables (tokens, `NODE_OPTIONS`) never reach a script.
 */
export function workerFactory(settings: WorkerSettings): () => WorkerProcess {
  const flags = workerFlags(workerReadPaths(settings.distDir), settings.memoryLimitMb);
  const entry = join(settings.distDir, settings.entry ?? 'node.worker.js');
  const env: Record<string, string> = {
    ...(settings.network ? { STEPGRAPH_WORKER_NETWORK: '1' } : {}),
    ...(settings.probe ? { STEPGRAPH_WORKER_PROBE: '1' } : {}),
  };
  const bounds: WorkerBounds = {
    // a response can be no larger than the worker's heap, which holds it (twice that leaves room for
    // escapes), nor than the longest string this process can make of it
    maxMessageBytes: Math.min(2 * settings.memoryLimitMb * 2 ** 20, constants.MAX_STRING_LENGTH),
    stopGraceMs: settings.stopGraceMs,
  };
  return () =>
    new WorkerProcess(
      spawn(process.execPath, [...flags, entry], {
        cwd: settings.distDir,
        env,
        // stdin unused; stdout and stderr are the process's own (passed on to ours); fd 3 is the channel
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      }),
      bounds,
    );
}
