import { DEFAULT_SETTINGS } from '../protocol/run';
import type { Settings } from './settings';

/** `GET /env`: what a client may send and what it will get (docs/EXECUTOR.md). */
export function envBody(
  settings: Settings,
  version: string,
  imports: string[],
  load: { running: number; waiting: number },
): string {
  return JSON.stringify({
    version,
    node: process.version,
    limits: {
      timeLimitMs: settings.timeLimitMs,
      stepLimit: settings.stepLimit,
      memoryLimitMb: settings.memoryLimitMb,
      maxBodyBytes: settings.maxBody,
    },
    defaults: {
      main: 'main.ts',
      seed: DEFAULT_SETTINGS.seed,
      trace: 'columns',
      graph: { nodes: [], edges: [] },
    },
    imports,
    grants: { network: settings.allowNet },
    pool: { workers: settings.workers, queue: settings.queue, workerRuns: settings.workerRuns, ...load },
    memory: { rssMb: mb(process.memoryUsage.rss()), heapUsedMb: mb(process.memoryUsage().heapUsed) },
  });
}

function mb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
