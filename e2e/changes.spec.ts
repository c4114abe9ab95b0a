import { expect, test } from '@playwright/test';
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
  await page.screenshot({ path: '/tmp/wt11-changes.png' });
});
