import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The headless executor's build (`npm run build:cli`, run by `prepare` on install): plain ES modules
// for Node 20 in dist-cli/, which bin/stepgraph.js imports. Three entries: the command, the worker
// process's entry (a loader: the engine itself is vite.worker.config.ts's one-file bundle) and the
// build step that makes the worker's code cache. Every package is bundled: nothing is read from
// node_modules at run time. The graphology family comes with the `events` package the browser uses
// in place of Node's: Node's `EventEmitter.prototype` holds a property that can be neither frozen
// with tolerance for instances nor left unfrozen (a script could change what every later `graph`
// inherits), see executor/confine.ts.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        stepgraph: 'src/cli/main.ts',
        'node.worker': 'src/cli/workerLoader.ts',
        'code-cache': 'src/cli/codeCache.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  resolve: { alias: { events: fileURLToPath(new URL('node_modules/events/events.js', import.meta.url)) } },
  ssr: { target: 'node', noExternal: true },
});
