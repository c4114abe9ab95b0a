import { expect, test } from '@playwright/test';
import { encodeLink } from '../src/ui/share/codec';
import { bfsDoc } from '../src/ui/share/fixtures';
import { Playground } from './pages/playground';

const CODE = `const big = Array.from({ length: 250 }, (_, i) => i * 2);
const dist = new Map<string, number>([['A', 0]]);
dist.set('B', 1);
big.push(999);
const seen = new Set(['A', 'C']);
`;

test('collections open into rows, paged, with the entries the step changed marked', async ({ page }) => {
  const pg = new Playground(page);
  await page.goto(`/#${encodeLink({ ...bfsDoc, files: { 'main.ts': CODE }, mainFile: 'main.ts', step: 0 })}`);
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.runToEnd();
  await pg.slider.fill('2'); // after `dist.set('B', 1)`
  await expect.poll(() => pg.captionLine()).toBe(3);

  const expandDist = pg.variables.getByRole('button', { name: 'Expand dist' });
  await expandDist.click();
  await expect(pg.variables.getByRole('button', { name: 'Collapse dist' })).toHaveAttribute('aria-expanded', 'true');
  const distRows = pg.variables.locator('tr[data-entry-of="dist"]');
  await expect(distRows).toHaveCount(2);
  await expect(distRows.nth(0)).toContainText('"A"');
  await expect(distRows.nth(0)).not.toHaveClass(/changed/);
  await expect(distRows.nth(1)).toContainText('"B"');
  await expect(distRows.nth(1)).toHaveClass(/changed/);

  // a big array: a page at a time, by keyboard
  await pg.variables.getByRole('button', { name: 'Expand big' }).focus();
  await page.keyboard.press('Enter');
  const bigRows = pg.variables.locator('tr[data-entry-of="big"]');
  await expect(bigRows).toHaveCount(100);
  const more = pg.variables.getByRole('button', { name: 'Show more of big' });
  await expect(more).toHaveText('Show 100 more (100 of 250 shown)');
  await more.click();
  // now past 200 rows, the table draws only those in view: the button is at the end
  const toEnd = () => pg.variables.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await toEnd();
  await expect(more).toHaveText('Show 50 more (200 of 250 shown)');
  await more.press('Enter');
  await expect(more).toHaveCount(0);
  await expect(pg.variables.getByRole('table')).toHaveAttribute('aria-rowcount', String(2 + 2 + 250));
  await toEnd();
  await expect(bigRows.last()).toContainText('498');

  // the next step pushes: the open array keeps its rows and marks the new one
  await pg.forward.click();
  await toEnd();
  await expect(bigRows.last()).toContainText('999');
  await expect(bigRows.last()).toHaveClass(/changed/);
  await expect(bigRows.first()).not.toHaveClass(/changed/);
  await pg.variables.evaluate((el) => (el.scrollTop = 0));
  await pg.variables.getByRole('button', { name: 'Collapse big' }).click();
  await expect(bigRows).toHaveCount(0);
  await pg.forward.click();
  await pg.variables.getByRole('button', { name: 'Expand seen' }).click();
  await expect(pg.variables.locator('tr[data-entry-of="seen"]')).toHaveText([/"A"/, /"C"/]);
  await page.screenshot({ path: 'docs/variables-expanded.png' });
});
