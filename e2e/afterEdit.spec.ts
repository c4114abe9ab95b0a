import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

// the BFS sample: line 9 is `order.push(node);`, once per visited node
test('after an edit the old trace stays, marked stale; its line mark follows the line or is dropped; Run keeps the place', async ({
  page,
}) => {
  const pg = new Playground(page);
  const status = page.getByRole('status', { name: 'Run status' });
  await pg.open();
  await pg.runToEnd();
  // the third time line 9 runs (C is pushed to order)
  await pg.editor.locator('.view-line', { hasText: 'order.push(node)' }).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+F10');
  await expect.poll(() => pg.markedLine()).toBe(9);
  await expect(pg.variable('order')).toHaveText('["A", "B", "C"]');
  const before = await pg.position();

  // a line typed above: the trace and its step stay, marked stale, and the mark moves with its line
  await pg.editor.locator('.view-line', { hasText: 'Breadth-first search' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('// a note');
  await expect(status).toContainText('code changed — Run to update');
  await expect(pg.timeline.getByText('code changed — Run to update')).toBeVisible();
  expect(await pg.position()).toEqual(before);
  await expect.poll(() => pg.markedLine()).toBe(10);
  await expect(pg.variable('order')).toHaveText('["A", "B", "C"]');
  await page.screenshot({ path: test.info().outputPath('stale.png') });

  // Run: the new trace opens at the same line, the same time it ran
  await pg.runToEnd();
  await expect(status).not.toContainText('code changed');
  await expect(pg.timeline.getByText('code changed — Run to update')).toHaveCount(0);
  await expect.poll(() => pg.markedLine()).toBe(10);
  await expect(pg.variable('order')).toHaveText('["A", "B", "C"]');
  // (a comment is not a step, so it is the same step number too)
  expect(await pg.position()).toEqual(before);

  // the marked line itself edited: its mark no longer matches, so it is dropped
  await pg.editor.locator('.view-line', { hasText: 'order.push(node)' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' // pushed');
  await expect(status).toContainText('code changed — Run to update');
  await expect.poll(() => pg.markedLine()).toBeUndefined();
});
