import { expect, test } from '@playwright/test';
import { Modules } from './pages/modules';
import { Playground } from './pages/playground';

test('two child modules take turns: the Modules region shows each one, the timeline tells their steps apart', async ({
  page,
}) => {
  const pg = new Playground(page);
  const modules = new Modules(page);
  await pg.open();
  await expect(modules.region).toBeVisible();

  // the one-file sample offers the modules sample; opening it runs it
  await modules.openSample.click();
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await expect(pg.counter).not.toHaveText('0 / 0');
  await modules.expectCount(3);
  const { total } = await pg.position();

  // at the last step every module is done, with its usage against its limits
  await pg.last.click();
  await expect
    .poll(() => modules.states())
    .toEqual({ 'main.ts': 'done', 'bfsFrom.ts #1': 'done', 'bfsFrom.ts #2': 'done' });
  await expect(modules.row('bfsFrom.ts #1').getByRole('meter', { name: /^CPU time: \d+ ms of 500 ms$/ })).toBeVisible();
  await expect(modules.lanes).toBeVisible();

  // step through the run: the caption names the module of each step, and the two searches alternate
  await pg.first.click();
  const seen: string[] = [];
  let checkedRow = false;
  for (let i = 0; i < total - 1 && (seen.length < 10 || !checkedRow); i++) {
    const running = await modules.runningModule();
    if (running?.startsWith('bfsFrom') && running !== seen[seen.length - 1]) {
      seen.push(running);
      if (!checkedRow && running === 'bfsFrom.ts #2') {
        // the module that ran this step is running; the other search waits
        const states = await modules.states();
        expect(states['bfsFrom.ts #2']).toBe('running');
        expect(states['bfsFrom.ts #1']).toBe('waiting');
        expect(states['main.ts']).toBe('waiting');
        checkedRow = true;
      }
    }
    await pg.forward.click();
  }
  expect(checkedRow).toBe(true);
  // ten visits each, one after the other's: the searches take many turns
  expect(seen.length).toBeGreaterThanOrEqual(10);
  expect(seen.slice(0, 4)).toEqual(['bfsFrom.ts #1', 'bfsFrom.ts #2', 'bfsFrom.ts #1', 'bfsFrom.ts #2']);
});
