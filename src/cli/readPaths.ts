import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Everything a worker process may read, found from where the executor is installed: its built
 * folder, where the engine is one bundle with every package in it (vite.worker.config.ts), and the
 * package.json above it (Node reads it to know that `.js` files are ES modules). Nothing else: not
 * node_modules, not the user's files, not the system's. Real paths, as the permission model compares
 * resolved paths. `test/cli/isolation.test.ts` checks that the bundle loads no package.
 */
export function workerReadPaths(distDir: string): string[] {
  const dist = realpathSync(distDir);
  const manifest = join(dirname(dist), 'package.json');
  return existsSync(manifest) ? [dist, manifest] : [dist];
}
