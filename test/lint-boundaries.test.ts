import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer boundaries of STYLE.md ("The house") as eslint.config.js enforces them, checked on
// virtual files: `lintText` with a path inside src/ picks that folder's rules without a file on disk.

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Lints `code` as if it were the file `path` (relative to the repository root). */
async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  if (!result) throw new Error(`no lint result for ${path}`);
  return result.messages;
}

/** The one problem a snippet should raise: its rule and the reason the message gives. */
async function expectOne(path: string, code: string, ruleId: string, reason: string): Promise<void> {
  const messages = await lint(path, code);
  expect(messages.map((m) => m.ruleId)).toEqual([ruleId]);
  expect(messages[0]?.message).toContain(reason);
}

const CORE_HOSTS = 'the core runs in a Web Worker and in Node';

describe('layer boundaries', () => {
  it('a kernel file may not import React', async () => {
    await expectOne(
      'src/kernel/probe.ts',
      "import { useState } from 'react';\nexport const s = useState;\n",
      'no-restricted-imports',
      CORE_HOSTS,
    );
  });

  it('a kernel file may not import the UI through a relative path', async () => {
    const messages = await lint('src/kernel/probe.ts', "export { App } from '../ui/app/App';\n");
    expect(messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
    expect(messages[0]?.message).toContain("'../ui/app/App'");
    expect(messages[0]?.message).toContain('kernel/ is core: it may import only shared/');
    expect(messages[0]?.message).toContain(CORE_HOSTS);
  });

  it('a nested kernel file may not import another layer either', async () => {
    await expectOne(
      'src/kernel/aio/probe.ts',
      "export { Context } from '../../runtime/context';\n",
      'no-restricted-imports',
      'kernel/ is core: it may import only shared/',
    );
  });

  it('a ui file reaches the engine only through client/', async () => {
    await expectOne(
      'src/ui/graph/probe.ts',
      "export { System } from '../../kernel/system';\n",
      'no-restricted-imports',
      'the page reaches the engine only through client/',
    );
  });

  it("a ui file may read traces with tracer/'s read helpers, not the rest of tracer/", async () => {
    expect(await lint('src/ui/state/probe.ts', "export { TraceReader } from '../../tracer/reader';\n")).toEqual([]);
    await expectOne(
      'src/ui/state/probe.ts',
      "export { Recorder } from '../../tracer/recorder';\n",
      'no-restricted-imports',
      "tracer/'s read helpers (reader, view, drawing, format, palette)",
    );
  });

  it('an allowed import passes: runtime imports the kernel', async () => {
    const code = "import { System } from '../kernel/system';\nexport const make = (): System => new System([]);\n";
    expect(await lint('src/runtime/probe.ts', code)).toEqual([]);
  });
});

describe('third-party singletons are wrapped once', () => {
  it('only ui/editor/monaco*.ts imports monaco-editor', async () => {
    const code = "import * as monaco from 'monaco-editor';\nexport const m = monaco;\n";
    expect(await lint('src/ui/editor/monacoSetup.ts', code)).toEqual([]);
    await expectOne('src/ui/editor/Editor.ts', code, 'no-restricted-imports', 'wrapped once, in ui/editor/monaco*.ts');
  });

  it('only ui/graph/cytoscape*.ts imports cytoscape', async () => {
    const code = "import cytoscape from 'cytoscape';\nexport const c = cytoscape;\n";
    expect(await lint('src/ui/graph/cytoscape.ts', code)).toEqual([]);
    await expectOne(
      'src/ui/graph/GraphView.ts',
      code,
      'no-restricted-imports',
      'wrapped once, in ui/graph/cytoscape*.ts',
    );
  });

  it('only client/ and worker/ import comlink', async () => {
    const code = "import * as Comlink from 'comlink';\nexport const c = Comlink;\n";
    expect(await lint('src/client/probe.ts', code)).toEqual([]);
    expect(await lint('src/worker/probe.ts', code)).toEqual([]);
    await expectOne('src/ui/app/probe.ts', code, 'no-restricted-imports', 'only client/ and worker/ may import it');
  });
});

describe('no ambient time or randomness in the core', () => {
  const clock = 'clocks are injected';

  it.each([
    ['Date.now()', 'no-restricted-properties', clock],
    ['performance.now()', 'no-restricted-properties', clock],
    ['new Date()', 'no-restricted-syntax', clock],
    ['Math.random()', 'no-restricted-properties', 'seeded generator'],
    ['setTimeout(() => {}, 10)', 'no-restricted-globals', 'timers are injected'],
    ['setInterval(() => {}, 10)', 'no-restricted-globals', 'timers are injected'],
    ['globalThis.setTimeout(() => {}, 10)', 'no-restricted-globals', 'timers are injected'],
    ['self.postMessage(1)', 'no-restricted-globals', 'only worker/ touches `self`'],
    ['document.title', 'no-restricted-globals', CORE_HOSTS],
  ])('a kernel file may not use %s', async (expression, ruleId, reason) => {
    await expectOne('src/kernel/probe.ts', `export const x = ${expression};\n`, ruleId, reason);
  });

  it('a kernel file may not import Node builtins', async () => {
    await expectOne(
      'src/kernel/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      'no-restricted-imports',
      'Node builtins are not in the core',
    );
  });

  it('a kernel test runs on Node and may use its timers', async () => {
    const code =
      "import { it } from 'vitest';\nit('waits', () => new Promise((r) => setTimeout(r, Date.now() % 2)));\n";
    expect(await lint('src/kernel/probe.test.ts', code)).toEqual([]);
  });

  it('a pure date is not ambient time', async () => {
    expect(await lint('src/tracer/probe.ts', 'export const epoch = new Date(0);\n')).toEqual([]);
  });
});
