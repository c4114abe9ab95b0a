// The pool of `run`, `serve` and `grade` alike, and what it needs to start: kept apart from the
// commands so that `stepgraph run` starts its worker process before it loads the rest.
import { Pool } from './pool';
import type { Settings } from './settings';
import { workerFactory } from './spawnWorker';

/** Slack past the time limit before a run that never reaches a check has its worker killed. */
export const WATCHDOG_SLACK_MS = 1000;
/** Milliseconds a worker has to answer a stop before it is killed: a stop waits for the script to yield, or compiling to end. */
export const STOP_GRACE_MS = 1000;

/** Where the command is installed: `dist-cli/`, which holds the worker's entry (`main.ts` is built into it). */
export interface Install {
  /** The stepgraph version. */
  version: string;
  /** The built CLI's folder. */
  distDir: string;
}

/** The pool of `run` and `serve` alike: worker processes under the same flags (`spawnWorker.ts`). */
export function makePool(
  settings: Settings,
  distDir: string,
  size: number,
  queue: number,
  runsPerWorker: number,
): Pool {
  const startWorker = workerFactory({
    distDir,
    memoryLimitMb: settings.memoryLimitMb,
    network: settings.allowNet.length > 0,
    stopGraceMs: STOP_GRACE_MS,
  });
  const { memoryLimitMb } = settings;
  return new Pool({ size, queue, memoryLimitMb, slackMs: WATCHDOG_SLACK_MS, runsPerWorker, startWorker });
}
