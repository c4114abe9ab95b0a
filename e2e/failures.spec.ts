import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

const VALID = `const start = 'A';\nconsole.log('still works');\nexport default start;\n`;

/** After a failure the page still runs a good script. */
async function stillUsable(pg: Playground): Promise<void> {
  await pg.setCode(VALID);
  await pg.runToEnd();
  await pg.last.click();
  await expect(pg.console).toContainText('still works');
  await expect(pg.console.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => pg.markerCount()).toBe(0);
}

test('a syntax error is a marker at its line and column, before anything runs', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(`const a = 1;\nconst b = ;\nconsole.log('never');\n`);
  await pg.runToEnd();
  await expect(pg.console.getByRole('alert')).toContainText('Cannot run at line 2:11');
  await expect(pg.console).not.toContainText('never');
  await expect(pg.counter).toHaveText('0 / 0');
  await expect.poll(() => pg.markerCount()).toBeGreaterThan(0);
  await expect.poll(() => pg.markedLine()).toBe(2);
  expect(await pg.markerLines()).toEqual([2]);
  await stillUsable(pg);
});

test('a runtime exception keeps the steps so far and shows the error at its line', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    `const seen = ['A'];\nconsole.log('before');\nconst n = (null as any).length;\nconsole.log('after');\n`,
  );
  await pg.runToEnd();
  await expect(pg.console.getByRole('alert')).toContainText('Uncaught exception at line 3');
  await expect(pg.console.getByRole('alert')).toContainText('TypeError');
  await expect(pg.counter).toHaveText('3 / 3');
  await expect.poll(() => pg.markedLine()).toBe(3);
  await expect(pg.console).toContainText('before');
  await expect(pg.console).not.toContainText('after');
  await pg.first.click();
  await expect(pg.variable('seen')).toHaveText('["A"]');
  expect((await pg.node('A')).hl).toBe(true);
  await stillUsable(pg);
});

test('an endless loop is stopped by the 5 s time limit with its partial trace; the page stays responsive', async ({
  page,
}) => {
  const pg = new Playground(page);
  await pg.open();
  // slow statements, so that the time limit trips long before the million-step limit
  await pg.setCode(
    `const big = Array.from({ length: 100000 }, (_, i) => i);\nwhile (true) {\n  big.sort((a, b) => b - a);\n}\n`,
  );
  await pg.run.click();
  // while it runs, the page answers: progress is shown and the timeline controls respond
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Running…');
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText(/[1-9][\d,]* steps/);
  await expect(pg.run).toBeEnabled({ timeout: 15_000 });
  await expect(pg.console.getByRole('alert')).toContainText('Limit reached at line');
  await expect(pg.console.getByRole('alert')).toContainText('time limit of 5000 ms');
  const { total } = await pg.position();
  expect(total).toBeGreaterThan(10);
  await expect.poll(() => pg.markedLine()).toBeGreaterThanOrEqual(2);
  await stillUsable(pg);
});

test('Stop ends a busy run at once and keeps its trace', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    `let i = 0;\nwhile (true) {\n  i++;\n  JSON.stringify(Array.from({ length: 2000 }, (_, k) => k));\n}\n`,
  );
  await pg.run.click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText(/[1-9][\d,]* steps/);
  await pg.stop.click();
  await expect(pg.run).toBeEnabled({ timeout: 1_000 });
  await expect(pg.console.getByRole('alert')).toContainText('Stopped');
  const { total } = await pg.position();
  expect(total).toBeGreaterThan(100);
  await stillUsable(pg);
});

test('a script cannot reach the worker through a function constructor; eval is refused before the run', async ({
  page,
}) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    [
      'const tries: string[] = [];',
      'const makers = [() => (function () {}).constructor("return this")(), () => (async () => {}).constructor("x"),',
      '  () => (function* () {}).constructor("x"), () => (async function* () {}).constructor("x")];',
      'for (const make of makers) {',
      '  try { make(); tries.push("escaped"); } catch (e) { tries.push((e as Error).name); }',
      '}',
      "console.log(tries.join(','));",
    ].join('\n'),
  );
  await pg.runToEnd();
  await pg.last.click();
  await expect(pg.console).toContainText('TypeError,TypeError,TypeError,TypeError');
  await expect(pg.console).not.toContainText('escaped');
  // an indirect eval is refused by name, with its place, before anything runs
  await pg.setCode(`console.log('never');\nconst g = (0, eval)('this');\n`);
  await pg.runToEnd();
  await expect(pg.console.getByRole('alert')).toContainText('eval is not available to scripts');
  await expect(pg.console).not.toContainText('never');
  await expect.poll(() => pg.markedLine()).toBe(2);
  await stillUsable(pg);
});
