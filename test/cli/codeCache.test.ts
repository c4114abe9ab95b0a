// The worker processes' V8 code cache (cli/workerLoader.ts, cli/codeCache.ts): made at build time
// under the flags a pool gives its workers, so that V8 takes it; another heap limit changes V8's
// flags, and the worker then compiles from source and still works.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerReadPaths } from '../../src/cli/readPaths';
import { DEFAULT_MEMORY_LIMIT_MB } from '../../src/cli/settings';
import { workerFlags } from '../../src/cli/spawnWorker';
import { assertBuilt, ROOT } from './harness';

const DIST = join(ROOT, 'dist-cli');

/** Starts a worker under the pool's flags and reads what its loader says of the cache, and that it got ready. */
function start(memoryLimitMb: number): Promise<{ report: string; ready: boolean }> {
  const flags = workerFlags(workerReadPaths(DIST), memoryLimitMb);
  const child = spawn(process.execPath, [...flags, join(DIST, 'node.worker.js')], {
    cwd: DIST,
    env: { STEPGRAPH_CODE_CACHE_REPORT: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let report = '';
  child.stderr!.on('data', (d: Buffer) => (report += d.toString()));
  return new Promise((resolve) => {
    // the first frame a worker sends is worker/ready
    child.stdio[3]!.once('data', () => {
      child.kill();
      resolve({ report: report.trim(), ready: true });
    });
    child.once('close', () => resolve({ report: report.trim(), ready: false }));
  });
}

describe('the worker code cache', () => {
  assertBuilt();

  it('is taken by a worker started with the default heap limit, which then gets ready', async () => {
    expect(await start(DEFAULT_MEMORY_LIMIT_MB)).toEqual({ report: 'stepgraph: code cache accepted', ready: true });
  });

  it('is refused under another heap limit, and the worker compiles its engine and gets ready all the same', async () => {
    expect(await start(DEFAULT_MEMORY_LIMIT_MB / 2)).toEqual({ report: 'stepgraph: code cache rejected', ready: true });
  });
});
