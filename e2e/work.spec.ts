import { expect, test } from '@playwright/test';
import { GraphCanvas } from './pages/graphCanvas';
import { Playground } from './pages/playground';
import { linkFromSomeoneElse, Work } from './pages/work';

const MINE = `// my own work\nconsole.log('mine');`;
const THEIRS = `// their shared work\nconsole.log('theirs');`;

test('typed work and graph edits survive a reload', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  const graph = new GraphCanvas(page);
  await pg.open();
  await pg.setCode(MINE);
  await graph.addNode.click();
  await graph.expectNodeCount(11);
  await work.expectSaved();
  await page.reload();
  await expect(pg.editor).toContainText('my own work');
  expect(await pg.code()).toBe(MINE);
  await graph.expectNodeCount(11);
});

test('a link opened on top of unsaved work keeps that work one click away', async ({ page, browser }) => {
  const link = await linkFromSomeoneElse(browser, THEIRS);
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  await pg.setCode(MINE);
  // same tab, before the autosave has even run: the link comes in through the address
  await page.goto(link);
  await expect(pg.editor).toContainText('their shared work');
  await expect(work.notice).toContainText('Your previous work is kept in Drafts');
  await expect(pg.console).toContainText('theirs');
  await work.restorePrevious.click();
  await expect(pg.editor).toContainText('my own work');
  expect(await pg.code()).toBe(MINE);
  // their work went to the drafts in turn
  await work.drafts.click();
  await expect(page.getByRole('list', { name: 'Drafts' })).toContainText('their shared work');
});

test('a link opened in a new tab keeps the saved work of the other tab', async ({ page, browser, context }) => {
  const link = await linkFromSomeoneElse(browser, THEIRS);
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(MINE);
  await new Work(page).expectSaved();
  const tab = await context.newPage();
  await tab.goto(link);
  const other = new Playground(tab);
  const work = new Work(tab);
  await expect(other.editor).toContainText('their shared work');
  await work.drafts.click();
  await tab
    .getByRole('list', { name: 'Drafts' })
    .getByRole('button', { name: /my own work/ })
    .click();
  await expect(other.editor).toContainText('my own work');
});

test("two tabs typing in turn keep each other's work", async ({ page, context }) => {
  const one = new Playground(page);
  await one.open();
  await one.setCode(`// tab one\nconsole.log(1);`);
  await new Work(page).expectSaved();

  const tab = await context.newPage();
  const two = new Playground(tab);
  await two.reopen('/');
  await expect(two.editor).toContainText('tab one');
  await two.setCode(`// tab two\nconsole.log(2);`);
  await new Work(tab).expectSaved();

  // tab one saves over what tab two saved meanwhile: tab two's work becomes a draft
  await one.setCode(`// tab one, later\nconsole.log(1);`);
  await new Work(page).expectSaved();
  await new Work(page).drafts.click();
  await expect(page.getByRole('list', { name: 'Drafts' })).toContainText('tab two');

  // a new tab opens the last save, and the other tab's work is one click away
  const three = await context.newPage();
  const again = new Playground(three);
  await again.reopen('/');
  await expect(again.editor).toContainText('tab one, later');
  await new Work(three).drafts.click();
  await three
    .getByRole('list', { name: 'Drafts' })
    .getByRole('button', { name: /tab two/ })
    .click();
  await expect(again.editor).toContainText('tab two');
});

test('bad links show a message and change nothing else', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  const graph = new GraphCanvas(page);
  await pg.open();
  await pg.setCode(MINE);
  await work.expectSaved();
  const drawn = await graph.snapshot();

  for (const [fragment, says] of [
    ['#s1.AAAAbm90IGEgbGluaw', 'damaged'],
    ['#s9.AAAA', 'newer Stepgraph'],
    ['#hello', 'not a Stepgraph share link'],
  ] as const) {
    await page.goto(`/${fragment}`);
    await expect(work.alert).toContainText('This link could not be opened.');
    await expect(work.alert).toContainText(says);
    await expect(work.alert).toContainText('Nothing else was changed.');
    expect(await pg.code()).toBe(MINE);
    expect(await graph.snapshot()).toEqual(drawn);
    await expect(pg.counter).toHaveText('0 / 0');
    await work.alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(work.alert).toHaveCount(0);
  }

  // a truncated link on a fresh load: the saved work comes back, with the message
  await page.goto('/');
  await pg.setCode(`console.log('to share');`);
  await work.expectSaved();
  const link = await work.makeLink();
  await page.goto('about:blank');
  await pg.reopen(link.slice(0, -12));
  await expect(work.alert).toContainText('This link could not be opened.');
  expect(await pg.code()).toBe(`console.log('to share');`);
  await expect(work.drafts).toBeDisabled();
});

test('the graph can be edited from the keyboard', async ({ page }) => {
  const pg = new Playground(page);
  const graph = new GraphCanvas(page);
  await pg.open();
  await graph.host.focus();
  await page.keyboard.press('n');
  await graph.expectNodeCount(11);
  await expect.poll(() => graph.selected()).toEqual(['K']);
  await page.keyboard.press('Shift+BracketLeft');
  await expect.poll(() => graph.selected()).toEqual(['J', 'K']);
  // E connects the first selected to the second
  await page.keyboard.press('e');
  await expect.poll(async () => (await graph.snapshot()).edges).toContain('K>J');
  // ] starts at the first node; Alt+arrows move the selection
  await page.keyboard.press('BracketRight');
  await expect.poll(() => graph.selected()).toEqual(['A']);
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await graph.snapshot()).nodes.A?.y).toBe(20);
  // [ wraps to the last node; Delete removes it with its edge
  await page.keyboard.press('BracketLeft');
  await expect.poll(() => graph.selected()).toEqual(['K']);
  await page.keyboard.press('Delete');
  await graph.expectNodeCount(10);
  expect((await graph.snapshot()).edges).not.toContain('K>J');
});

test('an embed shows the graph and timeline at the step, and the code read-only when asked', async ({
  page,
  browser,
}) => {
  const link = await linkFromSomeoneElse(browser, THEIRS);
  const fragment = link.slice(link.indexOf('#'));
  const pg = new Playground(page);
  await page.goto(`/?embed=1${fragment}`);
  await expect(pg.graph).toBeVisible();
  await expect(pg.timeline).toBeVisible();
  await expect(pg.counter).not.toHaveText('0 / 0');
  await expect(pg.editor).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open in Stepgraph/ })).toHaveAttribute('href', /#s1\./);

  await page.goto(`/?embed=1&editor=1${fragment}`);
  await expect(pg.editor).toContainText('their shared work');
  await pg.editor.locator('.view-lines').click();
  await expect(pg.editor.getByRole('textbox', { name: 'Script (read-only)' })).toBeAttached();
  await page.keyboard.type('typed ');
  expect(await pg.code()).toBe(THEIRS);

  // the embed saved nothing: the playground still starts with the sample
  await pg.open();
  await expect(new Work(page).drafts).toBeDisabled();
});
