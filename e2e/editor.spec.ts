import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editorPage';
import { Playground } from './pages/playground';

test.beforeEach(async ({ page }) => {
  await new Playground(page).open();
});

test('completions for `graph.` come from graphology’s own types', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await pg.setCode('graph.');
  await page.keyboard.press('Control+Space');
  // the first answer waits for the TypeScript worker to start
  await expect(ed.suggestion('addEdge')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.type('neigh');
  await expect(ed.suggestion('neighbors')).toBeVisible();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('addE');
  await expect(ed.suggestion('addEdge')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => pg.code()).toBe('graph.addEdge');
  // signature help names the parameters
  await page.keyboard.type('(');
  await expect(page.locator('.parameter-hints-widget.visible')).toContainText('source');
});

test('inside the manifest’s limits, completions list the limit names', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await pg.setCode("export const manifest = {\n  limits: { '");
  await page.keyboard.press('Control+Space');
  await expect(ed.suggestion('execution/steps')).toBeVisible({ timeout: 30_000 });
  await expect(ed.suggestion('net/requests')).toBeVisible();
  await page.keyboard.type('modules/s');
  await expect(ed.suggestion('modules/simultaneous')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => pg.code()).toContain("limits: { 'modules/simultaneous");
});

test('hovering `graph` shows its type; `trace` has its docs', async ({ page }) => {
  const ed = new EditorPage(page);
  await new Playground(page).setCode("const n = graph.order;\ntrace.note('x');\n");
  await ed.hoverWord('graph');
  await expect(ed.hover).toContainText('const graph: Graph', { timeout: 30_000 });
  await ed.hoverWord('trace');
  await expect(ed.hover).toContainText('Explicit annotations');
});

test('a misspelt limit name is a marker before Run, F8 reads it, the Problems list goes to it', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await pg.setCode(
    "// a manifest\n\nexport const manifest = { limits: { 'execution/stpes': 5 } };\nexport default 1;\n",
  );
  await expect.poll(() => pg.markerLines()).toEqual([3]);
  await expect(ed.problems).toContainText('1 error');
  await expect(ed.problems).toContainText('"execution/stpes" is not a limit. Did you mean "execution/steps"?');
  await expect(pg.counter).toHaveText('0 / 0');

  // F8 in the editor: the next problem, with its message
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect(ed.peek).toContainText('is not a limit');
  await page.keyboard.press('Escape');

  // the list goes to the line
  await page.keyboard.press('ControlOrMeta+Home');
  expect(await ed.cursorLine()).toBe(1);
  await ed.problems.getByRole('button', { name: /execution\/stpes/ }).click();
  await expect.poll(() => ed.cursorLine()).toBe(3);
  await expect(ed.input).toBeFocused();
});

test('type errors are warnings and Run goes on; a syntax error stops it in plain words', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await pg.setCode("const n: number = 'not a number';\nexport default n;\n");
  await expect.poll(async () => (await ed.squiggles()).warnings, { timeout: 30_000 }).toBeGreaterThan(0);
  expect((await ed.squiggles()).errors).toBe(0);
  await expect(ed.problems).toContainText("Type 'string' is not assignable to type 'number'");
  await pg.runToEnd();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Finished');

  await pg.setCode('const = ;\n');
  await expect.poll(async () => (await ed.squiggles()).errors).toBeGreaterThan(0);
  await pg.runToEnd();
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText('Failed at line 1');
  await expect(status).not.toContainText('executor/');
  await expect(pg.console).not.toContainText('executor/');
  await expect(pg.console).toContainText('PREP_SYNTAX');
});

test('Ctrl+M, or Escape then Tab, moves focus out of the editor; the page says how', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await expect(ed.problems).toContainText('Ctrl+M or Esc then Tab');
  const inEditor = (): Promise<boolean> => page.evaluate(() => !!document.activeElement?.closest('.editor-host'));

  await pg.editor.locator('.view-lines').click();
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true); // Tab indents

  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(false);

  await pg.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(inEditor).toBe(true);
  await page.keyboard.press('Control+M');
});

test('hostile: a manifest key written as markup is shown as text in the Problems list', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  await pg.setCode('export const manifest = { limits: { \'<img src=x onerror="window.__pwned=1">\': 5 } };\n');
  await expect(ed.problems).toContainText('"<img src=x onerror="window.__pwned=1">" is not a limit');
  await expect(ed.problems.locator('img')).toHaveCount(0);
  await ed.problems.getByRole('button', { name: /is not a limit/ }).hover();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('go to definition crosses into another file of the playground', async ({ page }) => {
  const pg = new Playground(page);
  const ed = new EditorPage(page);
  const tabs = pg.editor.getByRole('tablist', { name: 'Files' });
  page.once('dialog', (d) => void d.accept('util.ts'));
  await pg.editor.getByRole('button', { name: 'Add a file' }).click();
  await expect(tabs.getByRole('tab', { name: /util\.ts/ })).toHaveAttribute('aria-selected', 'true');
  await pg.setCode('// helpers\n\nexport function double(n: number): number {\n  return n * 2;\n}\n');
  await tabs.getByRole('tab', { name: /main\.ts/ }).click();
  await pg.setCode("import { double } from './util';\nconsole.log(double(2));\n");
  await ed.hoverWord('double');
  await expect(ed.hover).toContainText('function double(n: number): number', { timeout: 30_000 });
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.press('F12');
  await expect(tabs.getByRole('tab', { name: /util\.ts/ })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => ed.cursorLine()).toBe(3);
});
