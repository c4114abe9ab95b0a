import { expect, test } from '@playwright/test';
import { encodeLink, packLink } from '../src/ui/share/codec';
import { toCompact } from '../src/ui/share/compact';
import { DEFAULT_SETTINGS } from '../src/protocol/run';
import { bfs } from '../src/samples/algorithms/bfs';
import { ten } from '../src/samples/graphs/ten';
import type { PlaygroundDoc } from '../src/ui/state/doc';
import { PlaybackControls } from './pages/playback';
import { Playground } from './pages/playground';
import { openInFreshContext, Work } from './pages/work';

// the BFS sample: line 8 is `const node = queue.shift()!;`, once per visited node
const NODE_LINE = 8;

test('Play and Pause by button and by Space, at the chosen Speed; Play stops at the end', async ({ page }) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  const { total } = await pg.position();
  await expect(pb.speed).toHaveValue('5');
  await pb.speed.selectOption({ label: '30 steps/s' });

  await pb.play.click();
  await expect(pb.pause).toBeVisible();
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(5);
  await pb.pause.click();
  await pb.expectPaused();
  const paused = (await pg.position()).step;
  await pb.frames(20);
  expect((await pg.position()).step).toBe(paused);

  // Space, with the focus on the page (not on a control that Space would press)
  await pb.focusPage();
  await page.keyboard.press('Space');
  await expect(pb.pause).toBeVisible();
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(paused + 3);
  // and on the step slider, where Space has no other use
  await pg.slider.focus();
  await page.keyboard.press('Space');
  await pb.expectPaused();
  const again = (await pg.position()).step;
  await pb.frames(20);
  expect((await pg.position()).step).toBe(again);

  // the Speed control by keyboard, then Play to the end: loop is off, Play stops there
  await pb.speed.focus();
  await page.keyboard.press('End'); // the last speed: the whole run in ten seconds
  await expect(pb.speed).toHaveValue('sweep');
  await pb.focusPage();
  await page.keyboard.press('Space');
  await expect(pg.counter).toHaveText(`${total} / ${total}`);
  await pb.expectPaused();
  await expect(pb.note).toHaveText('End of the run');
  await pg.settled();
});

test('played slowly, new highlights fade in; the screenshot shows playback mid-run', async ({ page }) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  await pg.slider.fill('40');
  await pb.speed.selectOption({ label: '2 steps/s' });
  await pb.play.click();
  // Cytoscape animates the highlight colours between steps while playing this slowly
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { __cy: { $(s: string): { length: number } } }).__cy.$(':animated').length,
      ),
    )
    .toBeGreaterThan(0);
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(43);
  await page.screenshot({ path: 'docs/playback.png' });
  await pb.pause.click();
  await pb.expectPaused();
});

test('a breakpoint set by a gutter click: Next/Previous by button and by F8/Shift+F8, and Play stops on it', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  await pb.clickGutter(NODE_LINE);
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE, 'sg-bp']]);
  await expect(pb.breakpoints.getByRole('listitem')).toHaveText([/main\.ts:8/]);
  await expect(page.locator('.timeline-marks rect').first()).toBeAttached();

  await pg.slider.fill('0');
  await pb.nextBreakpoint.click();
  await expect.poll(() => pg.captionLine()).toBe(NODE_LINE);
  await expect(pb.note).toHaveText('Breakpoint main.ts:8');
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE, 'sg-bp-hit']]);
  const first = (await pg.position()).step;
  await expect(pg.variable('node')).toHaveText('"A"');

  await pb.focusPage();
  await page.keyboard.press('F8');
  await expect.poll(async () => (await pg.position()).step).toBeGreaterThan(first);
  await expect.poll(() => pg.captionLine()).toBe(NODE_LINE);
  await expect(pg.variable('node')).toHaveText('"B"');
  const second = (await pg.position()).step;
  await page.keyboard.press('F8');
  await expect(pg.variable('node')).toHaveText('"C"');
  await page.keyboard.press('Shift+F8');
  await expect(pg.counter).toContainText(`${second} /`);
  await pb.previousBreakpoint.click();
  await expect(pg.counter).toContainText(`${first} /`);
  await pb.previousBreakpoint.click();
  await expect(pb.note).toHaveText('No breakpoint is hit before this step');

  // Play from the first hit goes on to the next one and stops there
  await pb.speed.selectOption({ label: 'Every frame' });
  await pb.play.click();
  await pb.expectPaused();
  await expect(pg.counter).toContainText(`${second} /`);
  await expect(pb.note).toHaveText('Breakpoint main.ts:8');
  await pg.settled();
  await page.screenshot({ path: 'docs/breakpoint-hit.png' });

  // a second click clears it
  await pb.clickGutter(NODE_LINE);
  await expect.poll(() => pb.glyphs()).toEqual([]);
  await expect(pb.breakpoints).toHaveCount(0);
});

test('a breakpoint moves with an edit above it, is found there after Run, and is saved with the work', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  const work = new Work(page);
  await pg.open();
  await pb.clickGutter(NODE_LINE);
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE, 'sg-bp']]);
  // a line typed above it
  await page.locator('.editor .view-line').first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('// one more line');
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE + 1, 'sg-bp']]);
  await expect(pb.breakpoints.getByRole('listitem')).toHaveText([/main\.ts:9/]);
  await pg.runToEnd();
  await pb.nextBreakpoint.click();
  await expect.poll(() => pg.captionLine()).toBe(NODE_LINE + 1);
  await expect(pg.variable('node')).toHaveText('"A"');
  // F9 on the cursor's line sets one from the keyboard
  await page.locator('.editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('F9');
  await expect
    .poll(() => pb.glyphs())
    .toEqual([
      [2, 'sg-bp'],
      [NODE_LINE + 1, 'sg-bp-hit'],
    ]);
  await work.expectSaved();
  await pg.reopen();
  await expect
    .poll(() => pb.glyphs())
    .toEqual([
      [2, 'sg-bp'],
      [NODE_LINE + 1, 'sg-bp'],
    ]);
});

test('a conditional breakpoint stops only where its condition holds; a hostile one shows its error', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  await pb.clickGutter(NODE_LINE);
  await pb.condition('main.ts:8').fill('dist.get(node) === 2');
  await pb.condition('main.ts:8').press('Enter');
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE, 'sg-bp-cond']]);
  await pg.slider.fill('0');
  await pb.nextBreakpoint.click();
  await expect(pb.note).toHaveText('Breakpoint main.ts:8 (dist.get(node) === 2)');
  await expect(pg.variable('node')).toHaveText('"D"');
  await pb.nextBreakpoint.click();
  await expect(pg.variable('node')).toHaveText('"E"');

  const hostile = 'constructor.constructor(\'document.title = "pwned"\')()';
  await pb.condition('main.ts:8').fill(hostile);
  await pb.condition('main.ts:8').press('Enter');
  await expect(pb.breakpoints).toContainText('a condition may call only .get(x), .has(x) and .includes(x)');
  await expect(pb.condition('main.ts:8')).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => pb.glyphs()).toEqual([[NODE_LINE, 'sg-bp-error']]);
  await pg.slider.fill('0');
  await pb.nextBreakpoint.click();
  await expect(pb.note).toHaveText('No breakpoint is hit after this step');
  await pb.condition('main.ts:8').fill('nothere > 1');
  await pb.condition('main.ts:8').press('Enter');
  await pb.nextBreakpoint.click();
  await expect(pb.breakpoints).toContainText('no variable `nothere` at this step');
  expect(await page.title()).not.toBe('pwned');
});

test('a shared link restores breakpoints and conditions; malformed ones are refused with a clear message', async ({
  page,
  browser,
}) => {
  const doc: PlaygroundDoc = {
    files: { 'main.ts': bfs.code },
    mainFile: 'main.ts',
    graph: ten.data,
    settings: DEFAULT_SETTINGS,
    layout: 'preset',
    step: 0,
    breakpoints: [{ file: 'main.ts', line: NODE_LINE, condition: "node === 'F'" }],
  };
  const pg = new Playground(page);
  await pg.open();
  const origin = new URL(page.url()).origin;
  const other = await openInFreshContext(browser, `${origin}/#${encodeLink(doc)}`);
  const opb = new PlaybackControls(other.pg.page);
  await expect(opb.condition('main.ts:8')).toHaveValue("node === 'F'");
  await expect.poll(() => opb.glyphs()).toEqual([[NODE_LINE, 'sg-bp-cond']]);
  await opb.nextBreakpoint.click();
  await expect(other.pg.variable('node')).toHaveText('"F"');
  // and the page shares them on: Share makes a link of format 2 that holds them
  const link = await other.work.makeLink();
  expect(link).toContain('#s2.');
  await other.close();

  const work = new Work(page);
  const bad = packLink(new TextEncoder().encode(JSON.stringify({ ...toCompact(doc), b: [['main.ts', 9999, 'x']] })), 2);
  await page.goto(`/#${bad}`);
  await expect(work.alert).toContainText('This link could not be opened.');
  await expect(work.alert).toContainText('breakpoints[0].line must be a whole number from 1 to');
  await expect(pg.editor).toContainText('Breadth-first search');
});

test('the Narration pane shows trace.note lines beside the console, synced to the step; a note jumps to its step', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.setCode(
    [
      "trace.note('start at A');",
      'let n = 0;',
      'for (const v of graph.nodes()) n++;',
      "trace.note('counted ' + n + ' nodes');",
      'n = n * 2;',
      "trace.note('done');",
    ].join('\n'),
  );
  await pg.runToEnd();
  const narration = page.getByRole('region', { name: 'Narration' });
  await expect(narration.getByRole('listitem')).toHaveText([/start at A/, /counted 10 nodes/, /done/]);
  await expect(narration.locator('[aria-current="step"]')).toHaveText(/start at A/);
  await narration.getByRole('button', { name: /counted 10 nodes/ }).click();
  await expect(narration.locator('[aria-current="step"]')).toHaveText(/counted 10 nodes/);
  await expect.poll(() => pg.captionLine()).toBe(4);
  // playing moves the narration along with the step
  await pb.speed.selectOption({ label: 'Every frame' });
  await pb.play.click();
  await expect(pb.note).toHaveText('End of the run');
  await expect(narration.locator('[aria-current="step"]')).toHaveText(/done/);
});

test('Graph changes only: Play shows only steps whose graph differs from the step before', async ({ page }) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await pg.open();
  await pg.runToEnd();
  const { total } = await pg.position();
  // record what the canvas shows each time it takes a new step
  await page.evaluate(() => {
    type Cy = { nodes(): Array<{ id(): string; hasClass(c: string): boolean; data(k: string): unknown }> };
    const w = window as unknown as { __cy: Cy; __shown: string[] };
    w.__shown = [];
    const host = document.querySelector('.graph-host') as HTMLElement;
    new MutationObserver(() =>
      w.__shown.push(
        JSON.stringify(
          w.__cy
            .nodes()
            .map((n) => [n.id(), n.hasClass('hl'), String(n.data('vars') ?? ''), String(n.data('badge') ?? '')]),
        ),
      ),
    ).observe(host, { attributes: true, attributeFilter: ['data-step'] });
  });
  await pb.graphOnly.check();
  await pb.speed.selectOption({ label: 'Every frame' });
  await pb.focusPage();
  await page.keyboard.press('Space');
  await expect(pb.note).toHaveText('End of the run', { timeout: 20_000 });
  const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.length).toBeLessThan(total);
  for (let i = 1; i < shown.length - 1; i++) expect(shown[i], `shown step ${i}`).not.toBe(shown[i - 1]);
});
