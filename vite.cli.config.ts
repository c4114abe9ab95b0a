import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The headless executor's build (`npm run build:cli`, run by `prepare` on install): plain ES modules
// for Node 20 in dist-cli/, which bin/stepgraph.js imports. Two entries: the command and the worker
// process's entry. Babel, sucrase and SES stay imports of node_modules, which a worker process may
// read (with dist-cli/, nothing else: cli/readPaths.ts). The graphology family is bundled, with the `events`
// package the browser uses in place of Node's: Node's `EventEmitter.prototype` holds a property that
// can be neither frozen with tolerance for instances nor left unfrozen (a script could change what
// every later `graph` inherits), see executor/confine.ts.
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
      input: { stepgraph: 'src/cli/main.ts', 'node.worker': 'src/worker/node.worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  resolve: { alias: { events: fileURLToPath(new URL('node_modules/events/events.js', import.meta.url)) } },
  ssr: { target: 'node', noExternal: [/^(?!@babel\/|ses$|sucrase$)/] },
});
