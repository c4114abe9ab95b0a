import { expect, test } from '@playwright/test';
import { encodeLink } from '../src/ui/share/codec';
import { bfsDoc } from '../src/ui/share/fixtures';
import { Playground } from './pages/playground';

test('a step with 5,000 variables and a huge value: the Variables panel draws only what is in view', async ({
  page,
}) => {
  const pg = new Playground(page);
  // 5,000 module variables, 100 to a line, and a 2,000-item array; opened as a link (typing 50 kB is slow)
  const lines = Array.from({ length: 50 }, (_, l) =>
    Array.from({ length: 100 }, (_, i) => `v${l * 100 + i} = ${l * 100 + i}`).join(', '),
  );
  const code = `let ${lines.join(',\n  ')};\nconst big = Array.from({ length: 2000 }, (_, i) => i * 3);\nconsole.log('done');\n`;
  await page.goto(`/#${encodeLink({ ...bfsDoc, files: { 'main.ts': code }, mainFile: 'main.ts', step: 0 })}`);
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.runToEnd();
  await pg.last.click();
  const panel = page.getByRole('region', { name: 'Variables' });
  await expect(panel.locator('[data-variable="v0"]')).toBeVisible();
  // a screenful and its margins, not five thousand rows
  expect(await panel.locator('tr[data-variable]').count()).toBeLessThan(200);
  await expect(panel.getByRole('table')).toHaveAttribute('aria-rowcount', '5001');
  await page.screenshot({ path: test.info().outputPath('variables-top.png') });
  // scrolled to the end, the last variables are drawn, the first are not
  await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(panel.locator('[data-variable="v4999"]')).toBeInViewport();
  await expect(panel.locator('[data-variable="v0"]')).toHaveCount(0);
  expect(await panel.locator('tr[data-variable]').count()).toBeLessThan(200);
  // the value of the big array is cut short in its cell, whole in its tooltip
  const big = panel.locator('[data-variable="big"] td.value');
  await expect(big).toHaveAttribute('title', /^\[0, 3, 6, /);
  expect(((await big.textContent()) ?? '').length).toBeLessThanOrEqual(401);
  await page.screenshot({ path: test.info().outputPath('variables-end.png') });
  await page.screenshot({ path: '/tmp/variables-end.png' });
});
