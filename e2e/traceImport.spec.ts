// A run recorded headlessly opens in the playground: `stepgraph run --trace-file` (the built CLI in
// dist-cli/), then the page's Import, at the same step count, stepped through without running again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { bfs } from '../src/samples/algorithms/bfs';
import { ten } from '../src/samples/graphs/ten';
import { Playground } from './pages/playground';
import { Work } from './pages/work';

const BIN = fileURLToPath(new URL('../bin/stepgraph.js', import.meta.url));

/** Runs `request` through `stepgraph run --trace-file`; the file's path and the response. */
function recordHeadlessly(request: unknown): { path: string; steps: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'stepgraph-e2e-')), 'bfs.sgtrace');
  const out = execFileSync(process.execPath, [BIN, 'run', '--trace-file', path], { input: JSON.stringify(request) });
  const response = JSON.parse(out.toString()) as { ok: boolean; stats: { steps: number } };
  expect(response.ok).toBe(true);
  return { path, steps: response.stats.steps };
}

test('a trace file written by stepgraph run opens in the playground at the same step count', async ({ page }) => {
  const code = bfs.code.replace('console.log(`visit', 'console.log(`headless visit');
  const { path, steps } = recordHeadlessly({ files: { 'main.ts': code }, graph: ten.data });
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  await work.importFile.setInputFiles(path);
  await expect(work.notice).toContainText('Opened the recorded run');
  await expect(pg.counter).toHaveText(`1 / ${steps}`);
  await expect(pg.editor.locator('.view-lines')).toContainText('Breadth-first search');
  // stepping through it works as for a run of the page's own
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(pg.counter).toHaveText(`${steps} / ${steps}`);
  await expect(pg.console).toContainText('headless visit A at distance 0');
  await pg.settled();
  await page.screenshot({ path: test.info().outputPath('trace-import.png') });
  if (process.env.STEPGRAPH_SCREENSHOTS) await page.screenshot({ path: 'docs/trace-import.png' });
});

test('a damaged trace file shows a message and changes nothing', async ({ page }) => {
  const { path } = recordHeadlessly({ code: 'let x = 1;\nx++;' });
  const bytes = readFileSync(path);
  // the first chunk's head now claims to be longer than its record
  const damaged = join(mkdtempSync(join(tmpdir(), 'stepgraph-e2e-')), 'bad.sgtrace');
  const copy = Buffer.from(bytes);
  copy.writeUInt32LE(0x7fffffff, bytes.indexOf(Buffer.from('{"index":0')) - 4);
  writeFileSync(damaged, copy);
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  const before = await pg.code();
  await work.importFile.setInputFiles(damaged);
  await expect(work.alert).toContainText('This trace file cannot be opened');
  expect(await pg.code()).toBe(before);
});
