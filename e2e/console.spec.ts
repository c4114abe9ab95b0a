import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test('a run that printed 20,000 lines: the console draws only what is in view, follows the end, scrolls to the start', async ({
  page,
}) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(`for (let i = 0; i < 20000; i++) console.log('line ' + i);\nconsole.log('the end');\n`);
  await pg.runToEnd();
  await pg.last.click();
  const log = pg.console.getByRole('log');
  await expect(log.getByText('the end', { exact: true })).toBeInViewport();
  // a screenful and its margins, not twenty thousand elements
  expect(await log.locator('.line').count()).toBeLessThan(200);
  await log.evaluate((el) => (el.scrollTop = 0));
  await expect(log.getByText('line 0', { exact: true })).toBeInViewport();
  await expect(log.getByText('the end', { exact: true })).toHaveCount(0);
  // scrolled up, stepping back keeps the reader where they are
  await pg.back.click();
  await expect(log.getByText('line 0', { exact: true })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('console.png') });
});
