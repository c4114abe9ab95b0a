import { defineConfig } from 'vite';

// The headless executor's build (`npm run build:cli`, run by `prepare` on install): plain ES modules
// for Node 20 in dist-cli/, which bin/stepgraph.js imports. Two entries: the command and the worker
// process's entry. Every package is bundled in, so that a worker process, which may read only
// dist-cli/ (cli/spawnWorker.ts), needs nothing from node_modules; only Node's builtins stay imports.
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
  ssr: { target: 'node', noExternal: true },
});
