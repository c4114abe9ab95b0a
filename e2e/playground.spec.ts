import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test('a newcomer runs the sample, steps through it and sees the graph follow', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await expect(pg.counter).toHaveText('0 / 0');
  await pg.runToEnd();

  const { step, total } = await pg.position();
  expect(step).toBe(1);
  expect(total).toBeGreaterThan(50);
  await expect(pg.variable('start')).toHaveText('"A"');
  expect((await pg.node('A')).hl).toBe(true);
  expect((await pg.node('J')).hl).toBe(false);
  await expect.poll(() => pg.markedLine()).toBe(2);

  // step forward until `node` is first set (past the `while` test): nothing printed yet
  for (let i = 0; i < 5; i++) await pg.forward.click();
  await expect(pg.counter).toHaveText(`6 / ${total}`);
  await expect(pg.variable('node')).toHaveText('"A"');
  await expect.poll(() => pg.markedLine()).toBe(8);
  await expect(pg.console).not.toContainText('visit A');

  // two more steps: `order` grew, then the print ran on line 10
  await pg.forward.click();
  await expect(pg.variable('order')).toHaveText('["A"]');
  await pg.forward.click();
  await expect.poll(() => pg.markedLine()).toBe(10);
  await expect(pg.console).toContainText('visit A at distance 0');

  // one step back: before the print, the output is gone again
  await pg.back.click();
  await expect(pg.console).not.toContainText('visit A');
  await expect(pg.variable('order')).toHaveText('["A"]');

  // the last step: every node visited, distances as badges, J five hops away
  await pg.last.click();
  await expect(pg.counter).toHaveText(`${total} / ${total}`);
  await expect(pg.console).toContainText('visit J at distance 5');
  expect(await pg.node('J')).toMatchObject({ hl: true, badge: '5' });
  expect((await pg.node('J')).vars).toContain('order');

  // the slider seeks anywhere, and the node on the current variable follows
  await pg.slider.fill(String(Math.floor(total / 2)));
  const mid = await pg.position();
  expect(mid.step).toBe(Math.floor(total / 2) + 1);
  await pg.first.click();
  await expect(pg.counter).toHaveText(`1 / ${total}`);
  expect((await pg.node('J')).hl).toBe(false);
});

test('keyboard steps through the trace outside the editor', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.runToEnd();
  await pg.forward.focus();
  await page.keyboard.press('Enter');
  await expect(pg.counter).toContainText('2 /');
  await page.locator('body').press('End');
  const { step, total } = await pg.position();
  expect(step).toBe(total);
  await page.locator('body').press('ArrowLeft');
  await expect(pg.counter).toHaveText(`${total - 1} / ${total}`);
});
