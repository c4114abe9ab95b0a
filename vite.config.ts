import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scriptTypesPlugin } from './scripts/scriptTypes/plugin';

// Cross-origin isolation lets the page share memory with the worker, so `Stop` reaches a run
// that never yields (a busy loop) between two statements instead of terminating the worker.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The dev server's modules are loaded by the script sandbox too (`client/workerClient.ts`): an
 * opaque-origin document, so its requests say `Origin: null` and need CORS. The built app hands the
 * sandbox the runtime's code instead, so `vite preview` and a static host need no CORS at all.
 */
const devCors = { origin: [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, 'null'] };

export default defineConfig({
  plugins: [react(), scriptTypesPlugin()],
  server: { headers: isolation, cors: devCors },
  preview: { headers: isolation },
  worker: { format: 'es' },
  // the dev server pre-bundles what the runtime worker imports too, at start: found only once the
  // worker loaded, they would reload the page under the user's first Run
  optimizeDeps: { entries: ['index.html', 'src/worker/runtime.worker.ts'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 6000 },
});
