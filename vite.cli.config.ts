import { defineConfig } from 'vite';

// The headless executor's build (`npm run build:cli`, run by `prepare` on install): plain ES modules
// for Node 20 in dist-cli/, which bin/stepgraph.js imports. Two entries: the command and the worker
// process's entry. Packages stay imports of node_modules: Node evaluates them before the bundle's own
// code, so they load before the worker's `lockdown()` freezes the intrinsics (bundled, some would run
// after it and fail to assign `constructor` on their instances). A worker process may read those
// packages' folders and dist-cli/, nothing else (cli/readPaths.ts).
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
  ssr: { target: 'node' },
});
