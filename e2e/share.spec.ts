import { expect, test } from '@playwright/test';
import { GraphCanvas } from './pages/graphCanvas';
import { Playground } from './pages/playground';
import { openInFreshContext, Work } from './pages/work';

// Math.random is seeded per run: the same seed must print the same picks on another machine.
const CODE = `const picks = graph.nodes().filter(() => Math.random() < 0.5);
console.log('picked ' + picks.join(','));
let count = 0;
for (const p of picks) count += 1;
console.log('random ' + Math.random().toFixed(6));
export default count;`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a shared link opens the same code, graph, seed and step in a fresh browser', async ({ page, browser }) => {
  const pg = new Playground(page);
  const graph = new GraphCanvas(page);
  const work = new Work(page);
  await pg.open();
  await pg.setCode(CODE);
  await work.seed.fill('lesson-7');

  // edit the graph: a node by double-click, an edge from it to J, drag A, delete H
  await graph.doubleClickEmpty();
  await graph.expectNodeCount(11);
  await expect.poll(() => graph.selected()).toEqual(['K']);
  await graph.clickNode('J');
  await graph.addEdge.click();
  await expect.poll(async () => (await graph.snapshot()).edges).toContain('K>J');
  await graph.host.focus();
  await page.keyboard.press('Escape'); // on the canvas, Escape clears the selection
  await expect.poll(() => graph.selected()).toEqual([]);
  const before = await graph.snapshot();
  await graph.dragNode('A', 60, 90);
  await expect.poll(async () => (await graph.snapshot()).nodes.A).not.toEqual(before.nodes.A);
  await graph.clickNode('H');
  await expect.poll(() => graph.selected()).toEqual(['H']);
  await graph.remove.click();
  await graph.expectNodeCount(10);

  await pg.runToEnd();
  const { total } = await pg.position();
  expect(total).toBeGreaterThan(8);
  const middle = Math.floor(total / 2);
  await pg.slider.fill(String(middle - 1));
  await expect(pg.counter).toHaveText(`${middle} / ${total}`);
  const line = await pg.captionLine();
  expect(line).toBeGreaterThan(0);
  await expect.poll(() => pg.markedLine()).toBe(line);
  const shown = {
    code: await pg.code(),
    graph: await graph.snapshot(),
    console: await pg.console.textContent(),
    line,
  };
  expect(shown.graph.nodes).toHaveProperty('K');
  expect(shown.graph.nodes).not.toHaveProperty('H');
  expect(shown.graph.edges).toContain('K>J');

  const link = await work.makeLink();
  expect(link.startsWith('http://127.0.0.1:')).toBe(true);
  await expect(work.dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await work.dialog.getByRole('button', { name: 'Close' }).click();

  const other = await openInFreshContext(browser, link);
  await expect(other.pg.counter).toHaveText(`${middle} / ${total}`);
  await expect.poll(() => other.pg.code()).toBe(shown.code);
  await expect(other.work.seed).toHaveValue('lesson-7');
  await expect.poll(() => new GraphCanvas(other.pg.page).snapshot()).toEqual(shown.graph);
  await expect(other.pg.console).toHaveText(shown.console ?? '');
  await expect.poll(() => other.pg.markedLine()).toBe(shown.line);
  // the link left the address once open: a reload shows the work, not the link again
  expect(other.pg.page.url()).not.toContain('#');
  await other.close();
});

test('a playground too big for a link is offered as a file, which imports elsewhere', async ({ page, browser }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  // random text does not compress: ~12,000 characters make a link past 8,000
  const noise = Array.from({ length: 1200 }, () => Math.random().toString(36).slice(2, 12)).join('');
  await pg.setCode(`// ${noise}\nconsole.log('big');\n`);
  await work.share.click();
  await expect(work.dialog.getByRole('note')).toContainText('past the 8,000');
  await expect(work.linkField).toHaveCount(0);
  const download = page.waitForEvent('download');
  await work.dialog.getByRole('button', { name: 'Download .stepgraph.json' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.stepgraph\.json$/);
  const path = await file.path();

  const context = await browser.newContext();
  const other = new Playground(await context.newPage());
  await other.open();
  await new Work(other.page).importFile.setInputFiles(path);
  await expect(other.page.locator('.banner[role="status"]')).toContainText('Imported the file');
  await expect(other.editor).toContainText("console.log('big');");
  await expect(other.console).toContainText('big');
  await context.close();
});

test('a malformed file to import gives a clear error and changes nothing', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  await work.importFile.setInputFiles({
    name: 'x.stepgraph.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"stepgraph":1,"files":{"main.ts":3}}'),
  });
  await expect(work.alert).toContainText('This file could not be opened.');
  await expect(work.alert).toContainText('files.main.ts must be a string');
  await expect(pg.editor).toContainText('Breadth-first search');
});
