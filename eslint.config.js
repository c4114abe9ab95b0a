// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layer boundaries (STYLE.md, "The house"). Each layer is a folder of src/; a file may import only
 * the layers listed for its folder, and every message says why. The rules are generated below so
 * that each file gets exactly one `no-restricted-imports` configuration: in flat config a later
 * object replaces a rule's options rather than merging them.
 */

/** Folders whose code runs in a Web Worker and in Node alike: no DOM, React, Node or ambient time. */
const CORE = ['shared', 'protocol', 'kernel', 'runtime', 'tracer', 'executor', 'samples', 'formats'];
const LAYERS = [...CORE, 'worker', 'client', 'ui', 'cli'];

/**
 * What each layer may import of ours (besides itself), and the message for everything else.
 * @type {Record<string, { may: string[]; why: string }>}
 */
const LAYER_RULES = {
  shared: {
    may: [],
    why: 'shared/ may import nothing of ours: it is the bottom layer (ids, units, Result, tiny helpers) that every other layer builds on.',
  },
  protocol: {
    may: ['shared'],
    why: 'protocol/ may import only shared/ (prefer `import type`): it is the type-only contract of the worker boundary, compiled into both sides, so it must not pull in code.',
  },
  kernel: {
    may: ['shared', 'protocol'],
    why: 'kernel/ is core: it may import only shared/ and protocol/ (the error codes) — the core runs in a Web Worker and in Node, so no DOM, React or other layers; contexts, tracer and executor build on the kernel, not the other way round.',
  },
  runtime: {
    may: ['shared', 'protocol', 'kernel'],
    why: 'runtime/ is core: it may import only shared/, protocol/ (the error codes) and kernel/ — contexts sit between the kernel and the executor, so they know nothing of tracing, the executor or any host.',
  },
  tracer: {
    may: ['shared', 'protocol'],
    why: 'tracer/ is core: it may import only shared/ and protocol/ — recording does not depend on how code is run, and ui/ imports its read helpers, so it must not pull the engine into the page.',
  },
  executor: {
    may: ['shared', 'protocol', 'kernel', 'runtime', 'tracer'],
    why: 'executor/ is core: it may import only shared/, protocol/, kernel/, runtime/ and tracer/ — it is the top of the core, which worker/, client/ and cli/ host; it never reaches back into a host.',
  },
  samples: {
    may: ['shared', 'protocol'],
    why: 'samples/ may import only shared/ and protocol/: samples are plain data (code and graphs) that both the page and the CLI read, so they carry no engine or UI code.',
  },
  formats: {
    may: ['shared', 'protocol'],
    why: "formats/ may import only shared/ and protocol/: the registry of graph formats is read by the page (Import/Export) and the executor (a request's graph) alike, so it knows nothing of either.",
  },
  worker: {
    may: CORE,
    why: 'worker/ may import only the core (shared/, protocol/, kernel/, runtime/, tracer/, executor/, samples/, formats/): it hosts the engine in a Web Worker, where there is no page — ui/, client/ and cli/ are on the other side of the boundary.',
  },
  client: {
    may: ['shared', 'protocol', 'executor'],
    why: 'client/ may import only shared/, protocol/ and executor/ (for the in-process client): it translates between a caller and the engine and holds no product logic, so it never reaches into ui/, worker/ or the engine internals.',
  },
  ui: {
    may: ['shared', 'protocol', 'client', 'samples', 'formats'],
    why: "ui/ may import only shared/, protocol/, client/, samples/, formats/ and tracer/'s read helpers (reader, view, drawing, format, palette): the page reaches the engine only through client/, so the same engine runs in a worker, in-process and headless.",
  },
  cli: {
    may: ['shared', 'protocol', 'client', 'executor', 'tracer', 'formats'],
    why: "cli/ may import only shared/, protocol/, client/, executor/, tracer/ (to keep and encode the trace its workers stream) and formats/ (a request's graph file): it is a headless host of the same engine, with no page, reaching it through a client or the executor.",
  },
};

/**
 * Third-party packages each core layer may use; any other package needs a design decision first.
 * @type {Record<string, string[]>}
 */
const CORE_PACKAGES = {
  shared: [],
  protocol: [],
  kernel: [],
  runtime: [],
  tracer: ['@babel/*', 'sucrase', 'graphology'],
  executor: [
    'graphology',
    'graphology-types',
    'graphology-components',
    'graphology-dag',
    'graphology-metrics',
    'graphology-shortest-path',
    'graphology-traversal',
    '@babel/types',
  ],
  samples: [],
  // maintained readers and writers made for each format; xmldom is the DOMParser of the XML ones in a worker and in Node
  formats: [
    'graphology',
    'graphology-types',
    'graphology-graphml',
    'graphology-gexf',
    '@xmldom/xmldom',
    '@ts-graphviz/ast',
    'papaparse',
  ],
};

/** Tracer modules the UI may read traces with; the rest of tracer/ is engine. */
const TRACER_READ_HELPERS = [
  'reader',
  'view',
  'badgeText',
  'drawing',
  'format',
  'palette',
  'assemble',
  'graphState',
  'graphStates',
  'materialize',
  'condition',
  'lineIndex',
  'breakpointHits',
  'variableChanges',
  'elementTouches',
  'callStack',
  'collectionRows',
  'traceBinary',
  'traceFile',
];

/** @param {string} s */
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** @param {readonly string[]} names */
const oneOf = (names) => `(?:${names.map(escape).join('|')})`;

/**
 * An import of our own code into one of `layers`: a relative path (`../kernel/system`,
 * `../../ui/app/App`) or an alias (`src/…`, `@/…`, `~/…`) with a folder of that name in it.
 * @param {string[]} layers
 */
const ours = (layers) => `^(?:\\.{1,2}/|src/|@/|~/|/)(?:[^/]+/)*?${oneOf(layers)}(?:/|$)`;
/**
 * A package and its subpaths (`react`, `react-dom/client`, `monaco-editor/esm/…`).
 * @param {string[]} names
 */
const pkg = (names) => `^${oneOf(names)}(?:/|\\?|$)`;
/**
 * A package list entry: `@babel/*` is a scope, anything else a package with its subpaths.
 * @param {string[]} names
 */
const allowed = (names) => names.map((n) => (n.endsWith('/*') ? escape(n.slice(0, -1)) : `${escape(n)}(?:/|\\?|$)`));

const NODE_BUILTINS = `^(?:node:|${oneOf(builtinModules)}(?:/|$))`;
const UI_ONLY = ['react', 'react-dom', 'monaco-editor', 'cytoscape'];

/**
 * The `no-restricted-imports` patterns of a file in `layer`, given which wrappers the file is.
 * @param {string} layer
 * @param {{ test?: boolean; monacoWrapper?: boolean; cytoscapeWrapper?: boolean }} [kind]
 * @returns {Array<{ regex: string; message: string }>}
 */
function importPatterns(layer, { test = false, monacoWrapper = false, cytoscapeWrapper = false } = {}) {
  const { may, why } = LAYER_RULES[layer];
  const isCore = CORE.includes(layer);
  // ui/ may read tracer/'s helpers: tracer/ gets its own pattern below.
  const forbidden = LAYERS.filter((l) => l !== layer && !may.includes(l) && !(layer === 'ui' && l === 'tracer'));
  const patterns = [];
  // client/ starts the worker: a Vite `?worker` import of it is a bundle entry, not a dependency.
  const entry = layer === 'client' ? '(?!.*\\?worker(?:&|$))' : '';
  if (forbidden.length > 0) patterns.push({ regex: entry + ours(forbidden), message: why });
  if (layer === 'ui') {
    const helper = oneOf(TRACER_READ_HELPERS);
    patterns.push({
      regex: `^(?:\\.{1,2}/|src/|@/|~/|/)(?:[^/]+/)*?tracer(?:/?$|/(?!${helper}(?:\\.ts)?$))`,
      message: why,
    });
  }
  if (isCore) {
    patterns.push({
      regex: pkg(UI_ONLY),
      message: `react, react-dom, monaco-editor and cytoscape belong to ui/: ${layer}/ is core, and the core runs in a Web Worker and in Node, so it has no DOM, React or UI libraries.`,
    });
    patterns.push({
      regex: pkg(['comlink']),
      message: `comlink is wrapped once, in client/ and worker/: ${layer}/ is core and must not know how it is hosted, so the same code runs in-process, in a worker and in Node.`,
    });
    if (!test) {
      patterns.push({
        regex: NODE_BUILTINS,
        message: `Node builtins are not in the core: ${layer}/ runs in a Web Worker too, so hosts inject what it needs (clocks, timers, I/O devices).`,
      });
      const packages = CORE_PACKAGES[layer];
      const known = [UI_ONLY, ['comlink']].flat().map((n) => `${escape(n)}(?:/|\\?|$)`);
      const skip = ['[./~]', '@/', 'src/', 'node:', `${oneOf(builtinModules)}(?:/|$)`, ...known, ...allowed(packages)];
      patterns.push({
        regex: `^(?!${skip.join('|')})`,
        message:
          `${layer}/ is core and may use ${packages.length ? `only the packages ${packages.join(', ')}` : 'no third-party packages'}: ` +
          'everything the core depends on must run in a Web Worker and in Node and keep runs reproducible, so a new package is a design decision (add it to CORE_PACKAGES in eslint.config.js).',
      });
    }
    return patterns;
  }
  if (layer !== 'client' && layer !== 'worker') {
    patterns.push({
      regex: pkg(['comlink']),
      message: `comlink is wrapped once: only client/ and worker/ may import it, so the worker boundary has one typed implementation — ${layer}/ talks to a StepgraphClient.`,
    });
  }
  if (layer === 'ui') {
    if (!monacoWrapper) {
      patterns.push({
        regex: pkg(['monaco-editor']),
        message:
          'monaco-editor is wrapped once, in ui/editor/monaco*.ts: import that wrapper, so Monaco (its workers, themes and script typings) is set up in one place.',
      });
    }
    if (!cytoscapeWrapper) {
      patterns.push({
        regex: '^cytoscape(?:-[^/]+)?(?:/|$)',
        message:
          'cytoscape is wrapped once, in ui/graph/cytoscape*.ts: import that wrapper, so the instance, its extensions and styles are set up in one place and applyStep stays pure.',
      });
    }
    if (!test) {
      patterns.push({
        regex: NODE_BUILTINS,
        message: 'ui/ runs in the browser: Node builtins are not available there.',
      });
    }
  } else {
    patterns.push({
      regex: `${pkg(UI_ONLY)}|^cytoscape-`,
      message: `react, react-dom, monaco-editor and cytoscape belong to ui/ (each wrapped once there): ${layer}/ has no page, and the engine has no React in it.`,
    });
  }
  return patterns;
}

const CLOCK =
  'clocks are injected (shared/clock, the kernel loop host) so runs are reproducible and the kernel can be simulated.';
const TIMER = 'timers are injected (kernel/aio/timer) so runs are reproducible and the kernel can be simulated.';
const RANDOM = 'randomness comes from a seeded generator (shared/random) so a run replays from its seed.';
const HOST = "the core runs in a Web Worker and in Node, so it touches no host's globals; only worker/ touches `self`.";

/**
 * Ambient time, randomness and host globals, forbidden in the core.
 * @type {import('eslint').Linter.RulesRecord}
 */
const coreAmbientRules = {
  'no-restricted-globals': [
    'error',
    {
      checkGlobalObject: true,
      globals: [
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'].map(
          (name) => ({ name, message: `No ambient timers in the core: ${TIMER}` }),
        ),
        ...['requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'].map(
          (name) => ({ name, message: `No ambient timers in the core: ${TIMER}` }),
        ),
        ...['self', 'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: `No page or worker globals in the core: ${HOST}`,
        })),
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: `No Node globals in the core: ${HOST}`,
        })),
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: `No ambient clock in the core: ${CLOCK}` },
    { object: 'performance', property: 'now', message: `No ambient clock in the core: ${CLOCK}` },
    { object: 'Math', property: 'random', message: `No ambient randomness in the core: ${RANDOM}` },
    { object: 'crypto', property: 'getRandomValues', message: `No ambient randomness in the core: ${RANDOM}` },
    { object: 'crypto', property: 'randomUUID', message: `No ambient randomness in the core: ${RANDOM}` },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.type='Identifier'][callee.name='Date'][arguments.length=0]",
      message: `No ambient clock in the core: \`new Date()\` reads the wall clock; ${CLOCK}`,
    },
    {
      selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
      message: `No ambient clock in the core: \`Date()\` reads the wall clock; ${CLOCK}`,
    },
    {
      selector: 'ImportExpression',
      message:
        'No dynamic import() in the core: static imports are checked against the layer boundaries and bundled for every host.',
    },
  ],
};

/**
 * `self` outside worker/ (and outside the core, which forbids it with the other host globals).
 * @param {string} layer
 * @returns {import('eslint').Linter.RulesRecord}
 */
const selfRule = (layer) => ({
  'no-restricted-globals': [
    'error',
    {
      name: 'self',
      message: `Only worker/ touches \`self\`, the worker's global scope: ${layer}/ runs on the page or in Node and reaches the worker through a client.`,
    },
  ],
});

/** @param {string} layer @param {string} glob */
const src = (layer, glob) => `src/${layer}/${glob}`;
const TS = '**/*.{ts,tsx,mts,cts,js,mjs}';
const TESTS = ['**/*.test.{ts,tsx}'];
const MONACO_WRAPPER = 'src/ui/editor/monaco*.ts';
const CYTOSCAPE_WRAPPER = 'src/ui/graph/cytoscape*.ts';

/**
 * One config object per (layer, kind of file), so that each file's options are complete.
 * @returns {import('eslint').Linter.Config[]}
 */
function boundaryConfigs() {
  /** @type {import('eslint').Linter.Config[]} */
  const configs = [];
  for (const layer of LAYERS) {
    const isCore = CORE.includes(layer);
    const wrappers = layer === 'ui' ? [MONACO_WRAPPER, CYTOSCAPE_WRAPPER] : [];
    configs.push({
      name: `stepgraph/boundaries/${layer}`,
      files: [src(layer, TS)],
      ignores: [...TESTS.map((t) => src(layer, t)), ...wrappers],
      rules: {
        'no-restricted-imports': ['error', { patterns: importPatterns(layer) }],
        ...(isCore ? coreAmbientRules : layer === 'worker' ? {} : selfRule(layer)),
      },
    });
    configs.push({
      name: `stepgraph/boundaries/${layer}-tests`,
      // Tests run on Node under Vitest: they may use its timers and builtins, not other layers.
      files: TESTS.map((t) => src(layer, t)),
      rules: { 'no-restricted-imports': ['error', { patterns: importPatterns(layer, { test: true }) }] },
    });
  }
  configs.push(
    {
      name: 'stepgraph/boundaries/ui-monaco-wrapper',
      files: [MONACO_WRAPPER],
      ignores: TESTS,
      rules: {
        'no-restricted-imports': ['error', { patterns: importPatterns('ui', { monacoWrapper: true }) }],
        ...selfRule('ui'),
      },
    },
    {
      name: 'stepgraph/boundaries/ui-cytoscape-wrapper',
      files: [CYTOSCAPE_WRAPPER],
      ignores: TESTS,
      rules: {
        'no-restricted-imports': ['error', { patterns: importPatterns('ui', { cytoscapeWrapper: true }) }],
        ...selfRule('ui'),
      },
    },
  );
  return configs;
}

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-cli/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'test/fixtures/',
    'coverage/',
  ]),
  {
    name: 'stepgraph/files',
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'stepgraph/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // verbatimModuleSyntax erases only what is marked as a type.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the executor evaluates code (the user's, once instrumented), and says so where it does.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      // `let co!: Coroutine; function* body() { co.state } co = new Coroutine(body())` is a late binding, not a missed const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  { name: 'stepgraph/globals/core', files: CORE.map((l) => src(l, '**')), languageOptions: { globals: {} } },
  { name: 'stepgraph/globals/worker', files: [src('worker', '**')], languageOptions: { globals: globals.worker } },
  {
    name: 'stepgraph/globals/browser',
    files: [src('ui', '**'), src('client', '**')],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'stepgraph/globals/node',
    files: [
      src('cli', '**'),
      'src/**/*.test.{ts,tsx}',
      'test/**',
      'e2e/**',
      'scripts/**',
      'bench/**',
      '*.config.{ts,js,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'stepgraph/globals/playwright',
    // Callbacks given to `page.evaluate` run in the page.
    files: ['e2e/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  boundaryConfigs(),
);
