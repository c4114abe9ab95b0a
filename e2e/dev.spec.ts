import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

// `npm run dev` serves the sources through Vite's dev server, which bundles dependencies its own way
// (a Node-only reference in one of them once broke the worker there and nowhere else).
test('the dev server runs the sample too', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const pg = new Playground(page);
  await pg.open();
  // the first visit may reload once while Vite optimizes dependencies: wait until the page is settled
  await expect(pg.run).toBeEnabled();
  await pg.run.click();
  await expect(pg.counter).not.toHaveText('0 / 0', { timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Finished');
  await pg.last.click();
  await expect(pg.console).toContainText('visit J at distance 5');
  expect(errors).toEqual([]);
});
