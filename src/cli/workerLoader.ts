// The entry of a worker process (`dist-cli/node.worker.js`, started by `spawnWorker.ts`): loads the
// engine's one-file bundle (`node.worker.cjs`, from `worker/node.worker.ts`) through V8's code cache
// (`node.worker.cache`, made at build time by `codeCache.ts`), so a worker does not parse and compile
// the 2.7 MB of Babel, sucrase, SES and the engine again each time it starts. A cache that is missing
// or that V8 rejects (another Node, other V8 flags such as a heap limit other than the default) only
// costs that time: the bundle then compiles from its source.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle's own module wrapper, as Node's CommonJS loader gives it. */
type ModuleBody = (exports: object, require: NodeJS.Require, module: object, file: string, dir: string) => void;

const dir = fileURLToPath(new URL('.', import.meta.url));
const file = join(dir, 'node.worker.cjs');
const cacheFile = join(dir, 'node.worker.cache');
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
// strict, as the ES modules it was built from (SES refuses to start in sloppy mode)
const source = `(function (exports, require, module, __filename, __dirname) {'use strict';${readFileSync(file, 'utf8')}\n})`;
const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });

// tests only (test/cli/codeCache.test.ts): whether V8 took the cache
if (process.env.STEPGRAPH_CODE_CACHE_REPORT) {
  const state = !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  process.stderr.write(`stepgraph: code cache ${state}\n`);
}

// only `codeCache.ts` sets this, when it builds the cache: a pool builds its workers' environment
// from nothing (`spawnWorker.ts`), and a worker process may not write files
const out = process.env.STEPGRAPH_CODE_CACHE_OUT;
if (out) {
  // at exit, after a run: the cache then holds the functions that run compiled, not only the top level
  process.once('exit', () => {
    writeFileSync(out, script.createCachedData());
    if (cachedData && script.cachedDataRejected)
      process.stderr.write('stepgraph: the previous code cache was rejected\n');
  });
}

const body = script.runInThisContext() as ModuleBody;
const module = { exports: {} };
body(module.exports, createRequire(file), module, file, dir);
