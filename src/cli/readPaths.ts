import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The packages the worker's bundle (`dist-cli/node.worker.js` and its chunks) imports; their own
 * dependencies are found from their package.json files. `test/cli/isolation.test.ts` checks this list
 * against the bundle's imports.
 */
export const WORKER_PACKAGES = [
  '@babel/generator',
  '@babel/parser',
  '@babel/traverse',
  '@babel/types',
  'ses',
  'sucrase',
];

/**
 * The folder of package `name` as Node resolves it from `from` (the nearest node_modules up the
 * tree): where it was found and, when that is a symbolic link (pnpm, `npm link`), where it leads.
 * Node reads both: it resolves the link while loading.
 */
function packageDir(name: string, from: string): { found: string; real: string } | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const found = join(dir, 'node_modules', name);
    if (existsSync(join(found, 'package.json'))) return { found, real: realpathSync(found) };
    if (dirname(dir) === dir) return undefined;
  }
}

/** A package's dependencies of every kind that Node may load at run time. */
function dependenciesOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const names = (field: string): string[] => Object.keys((pkg[field] as Record<string, string> | undefined) ?? {});
  return [...names('dependencies'), ...names('optionalDependencies'), ...names('peerDependencies')];
}

/**
 * Everything a worker process may read, found from where the executor is installed: its built
 * folder, the package.json above it (Node reads it to know that `.js` files are ES modules), and the
 * folders of the packages the bundle imports and of their dependencies, transitively. Nothing else:
 * not the rest of node_modules, not the user's files, not the system's. Real paths, as the permission
 * model compares resolved paths.
 */
export function workerReadPaths(distDir: string): string[] {
  const dist = realpathSync(distDir);
  const paths = new Set<string>([dist]);
  const manifest = join(dirname(dist), 'package.json');
  if (existsSync(manifest)) paths.add(manifest);
  const queue: Array<[string, string]> = WORKER_PACKAGES.map((name) => [name, dist]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const at = packageDir(next[0], next[1]);
    // a missing package makes the worker fail to start, which the pool reports: nothing to add here
    if (!at || paths.has(at.real)) continue;
    paths.add(at.found).add(at.real);
    // its own dependencies are looked for from where Node sees it: beside the link, then up the tree
    for (const dep of dependenciesOf(at.real)) queue.push([dep, at.real]);
  }
  return [...paths];
}
