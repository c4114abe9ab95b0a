import { expect, test } from '@playwright/test';
import { GraphCanvas } from './pages/graphCanvas';
import { PlaybackControls } from './pages/playback';
import { Playground } from './pages/playground';

// the BFS sample: `order.push(node)` (line 9) changes `order` once per visited node; `start` never changes after line 2
test('Previous change / Next change of a variable, by button and by keyboard', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.runToEnd();
  const { total } = await pg.position();
  await pg.slider.fill('20');
  const order = pg.variables.locator('tr[data-variable="order"]');
  const next = order.getByRole('button', { name: 'Next change', exact: true });
  const previous = order.getByRole('button', { name: 'Previous change', exact: true });
  const before = (await order.locator('td.value').textContent()) ?? '';

  await next.click();
  const at = (await pg.position()).step;
  expect(at).toBeGreaterThan(21);
  // the step shown is where order changed: the row is marked, the value is one longer, the line is the push
  await expect(order).toHaveClass(/changed/);
  await expect(order.locator('td.value')).not.toHaveText(before);
  expect(await pg.captionLine()).toBe(9);

  // by keyboard: the button keeps the focus, Enter presses it again
  await next.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(at);
  await expect(order).toHaveClass(/changed/);
  const later = (await pg.position()).step;

  await previous.focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await pg.position()).step).toBe(at);
  await expect(order).toHaveClass(/changed/);

  // a variable that never changes again has no next change; at the end nothing has
  const start = pg.variables.locator('tr[data-variable="start"]');
  await expect(start.getByRole('button', { name: 'Next change', exact: true })).toBeDisabled();
  await expect(start.getByRole('button', { name: 'Previous change', exact: true })).toBeEnabled();
  await start.getByRole('button', { name: 'Previous change', exact: true }).click();
  expect((await pg.position()).step).toBe(1);
  await expect(start.getByRole('button', { name: 'Previous change', exact: true })).toBeDisabled();
  await pg.last.click();
  await expect(pg.counter).toHaveText(`${total} / ${total}`);
  await expect(next).toBeDisabled();
  expect(later).toBeLessThan(total);
  await page.screenshot({ path: test.info().outputPath('changes.png') });
});

// line 13 is `dist.set(next, dist.get(node)! + 1);`, once per node found
test('Run to this line and Back to this line, from the context menu and by Ctrl+F10 / Ctrl+Shift+F10', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  await pg.slider.fill('0');
  const line13 = pg.editor.locator('.view-line', { hasText: 'dist.set(next' });
  await line13.click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /Back to this line/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('run-to-line-menu.png') });
  await page.getByRole('menuitem', { name: /Run to this line/ }).click();
  await expect.poll(() => pg.captionLine()).toBe(13);
  const first = (await pg.position()).step;
  await expect(pb.note).toHaveText('Ran to line 13');

  // by keyboard, the cursor on the line: the next time, then back to the first
  await line13.click();
  await page.keyboard.press('Control+F10');
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(first);
  expect(await pg.captionLine()).toBe(13);
  await page.keyboard.press('Control+Shift+F10');
  await expect.poll(async () => (await pg.position()).step).toBe(first);
  // there is no earlier time: the step stays and the timeline says so
  await page.keyboard.press('Control+Shift+F10');
  await expect(pb.note).toHaveText('Line 13 does not run before this step');
  expect((await pg.position()).step).toBe(first);
});

test('a node picked in the graph: previous / next step touching it, by button and by , and .', async ({ page }) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  const canvas = new GraphCanvas(page);
  await pg.open();
  await pg.runToEnd();
  await pg.slider.fill('0');
  await canvas.clickNode('E');
  const next = pg.timeline.getByRole('button', { name: 'Next step touching E' });
  const previous = pg.timeline.getByRole('button', { name: 'Previous step touching E' });
  await next.click();
  // the first step touching E: BFS finds it from B or C (`next` becomes E on line 11)
  const found = (await pg.position()).step;
  expect(found).toBeGreaterThan(1);
  await expect(pb.note).toHaveText(`Step ${found} touches E`);
  expect(await pg.captionLine()).toBe(11);
  await expect.poll(async () => (await pg.node('E')).vars).toContain('next');

  await pb.focusPage();
  await page.keyboard.press('.');
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(found);
  // dist.set(next, …) on line 13 puts E in the map: E gets its badge there
  expect(await pg.captionLine()).toBe(13);
  await page.keyboard.press(',');
  await expect.poll(async () => (await pg.position()).step).toBe(found);
  await previous.click();
  await expect(pb.note).toHaveText('No step before this one touches E');
  await page.screenshot({ path: test.info().outputPath('touching.png') });
});
