import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { NodeThread } from '../client/nodeWorkerClient';

/** The package's version, from the package.json beside the built CLI (`dist-cli/../package.json`). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Starts worker threads running the built `node.worker.js` (beside this file in `dist-cli/`), each
 * with a heap limit: a script that goes past it ends its thread with `ERR_WORKER_OUT_OF_MEMORY`.
 */
export function threadFactory(memoryLimitMb: number): () => NodeThread {
  const entry = new URL('./node.worker.js', import.meta.url);
  return () => {
    const worker = new Worker(entry, {
      name: 'stepgraph-run',
      resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb },
      // what the thread itself prints goes to stderr: stdout carries only the JSON response
      stdout: true,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    return worker;
  };
}
