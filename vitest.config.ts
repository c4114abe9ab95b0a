import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { scriptTypesPlugin } from './scripts/scriptTypes/plugin';

// graphology's EventEmitter is the `events` package's, as in the browser, never Node's own: the engine
// freezes it with graphology's classes (executor/confine.ts), which Node's builtin would not survive
const events = fileURLToPath(new URL('node_modules/events/events.js', import.meta.url));

// Tests that run Vite, ESLint or an XML parser in-process run without lockdown (their code assigns to
// intrinsics); their workers lock down themselves, as every host does. The graph formats run where
// nothing is locked down (the page, the command's main process), and their parsers name their errors
// by assigning `this.name`, which frozen intrinsics refuse. Everything else runs as the hosts run.
const unlocked = [
  'test/controlBlock.test.ts',
  'test/lint-boundaries.test.ts',
  'test/scriptTypes.test.ts',
  'test/cli/grade.test.ts',
  'src/formats/**/*.test.ts',
  // Cytoscape (headless here) patches intrinsics as it loads; the page it runs in is not locked down
  'src/ui/graph/applyStep.test.ts',
];

export default defineConfig({
  // the editor's declaration bundle (virtual:stepgraph-script-types), as the page's build makes it
  plugins: [scriptTypesPlugin()],
  resolve: { alias: { events } },
  test: {
    server: { deps: { inline: [/graphology/] } },
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'locked',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: unlocked,
          setupFiles: ['test/setup.ts'],
        },
      },
      { extends: true, test: { name: 'unlocked', include: unlocked } },
    ],
  },
});
