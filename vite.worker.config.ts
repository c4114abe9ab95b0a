import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The worker process's engine (`npm run build:cli`, after vite.cli.config.ts): one CommonJS file,
// dist-cli/node.worker.cjs, with every package bundled in (Babel, sucrase, SES, the graphology
// family). One script is what V8's code cache works on: `cli/workerLoader.ts` compiles it with the
// cache `cli/codeCache.ts` made at build time, so a worker starts without parsing and compiling
// 2.7 MB of JavaScript again (issue 13: startup within 3× a bare node). It also means a worker
// process reads nothing of node_modules (`cli/readPaths.ts`). The `events` alias: vite.cli.config.ts.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { 'node.worker': 'src/worker/node.worker.ts' },
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
    },
  },
  resolve: { alias: { events: fileURLToPath(new URL('node_modules/events/events.js', import.meta.url)) } },
  ssr: { target: 'node', noExternal: true },
});
