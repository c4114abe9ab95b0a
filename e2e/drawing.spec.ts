import { expect, test, type Page } from '@playwright/test';
import { Playground } from './pages/playground';

type Cy = {
  nodes(): Array<{ id(): string; data(k: string): unknown; neighborhood(s: string): Array<{ id(): string }> }>;
  edges(s?: string): Array<{
    id(): string;
    data(k: string): unknown;
    source(): { id(): string; data(k: string): unknown };
    target(): { id(): string; data(k: string): unknown };
  }>;
};

/** Opens a sample algorithm and waits for its run to end, at its last step. */
async function openSample(pg: Playground, title: string): Promise<void> {
  await pg.page.getByRole('combobox', { name: 'Open a sample algorithm' }).selectOption({ label: title });
  await expect(pg.counter).not.toHaveText('0 / 0', { timeout: 20_000 });
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.last.click();
  await pg.settled();
}

/** Each node's variable fill, read from Cytoscape. */
const fills = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __cy: Cy }).__cy;
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), String(n.data('vfill') ?? '')]));
  });

test('greedy colouring colours the nodes, neighbours differently, with a legend of the colours', async ({
  page,
}, info) => {
  const pg = new Playground(page);
  await pg.open();
  await openSample(pg, 'Greedy colouring');
  const fill = await fills(page);
  expect(
    Object.values(fill).every((c) => c !== ''),
    'every node is filled',
  ).toBe(true);
  expect(new Set(Object.values(fill)).size).toBeGreaterThanOrEqual(3);
  const clashes = await page.evaluate(() => {
    const cy = (window as unknown as { __cy: Cy }).__cy;
    return cy.edges().filter((e) => e.source().data('vfill') === e.target().data('vfill')).length;
  });
  expect(clashes, 'no edge joins two nodes of one colour').toBe(0);
  const legend = page.getByRole('list', { name: 'Graph legend' });
  await expect(legend).toContainText('colour 0');
  await expect(legend).toContainText('colour 2');

  // at the first step nothing is coloured yet: fills follow the step
  await pg.first.click();
  await pg.settled();
  expect(Object.values(await fills(page)).every((c) => c === '')).toBe(true);
  await pg.last.click();
  await pg.settled();
  await page.getByRole('region', { name: 'Graph' }).screenshot({ path: info.outputPath('colouring.png') });
});

test("Dijkstra's previous map draws the shortest-path tree, one edge into every node but the start", async ({
  page,
}, info) => {
  const pg = new Playground(page);
  await pg.open();
  await openSample(pg, 'Dijkstra’s shortest paths');
  const tree = await page.evaluate(() => {
    const cy = (window as unknown as { __cy: Cy }).__cy;
    return cy.edges('.tree').map((e) => {
      const towards = e.data('towards') === 'source' ? e.source().id() : e.target().id();
      return { child: towards, color: String(e.data('tcolor')) };
    });
  });
  expect(tree).toHaveLength(8);
  expect(new Set(tree.map((t) => t.child)).size).toBe(8);
  expect(tree.map((t) => t.child)).not.toContain('A');
  await expect(page.getByRole('list', { name: 'Graph legend' })).toContainText('previous');
  // badges stay one short line per variable
  const badges = await page.evaluate(() =>
    (window as unknown as { __cy: Cy }).__cy.nodes().map((n) => String(n.data('badge') ?? '')),
  );
  for (const b of badges) for (const line of b.split('\n')) expect(line.length).toBeLessThanOrEqual(22);

  // mid-run: the tree so far, drawn with the weights and the badges
  await pg.slider.fill(String(Math.floor((await pg.position()).total / 2)));
  await pg.settled();
  await page.getByRole('region', { name: 'Graph' }).screenshot({ path: info.outputPath('dijkstra-mid.png') });
});

test('a badge shows rounded numbers and ∞, and its hover text the full values, as text only', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    [
      "const rank = new Map<string, unknown>([['A', 1 / 3], ['B', Infinity]]);",
      "const note = new Map([['A', '<img src=x onerror=\"window.__pwned=1\">']]);",
      'export default rank;',
    ].join('\n'),
  );
  await pg.runToEnd();
  await pg.last.click();
  expect(await pg.node('A')).toMatchObject({ badge: expect.stringContaining('rank=0.3333') });
  expect((await pg.node('B')).badge).toContain('rank=∞');
  // the pointer on node A: the tip holds the values in full, markup shown as text
  const at = await page.evaluate(() => {
    const cy = (
      window as unknown as { __cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }
    ).__cy;
    return cy.getElementById('A').renderedPosition();
  });
  const box = await page.locator('.graph-host').boundingBox();
  await page.mouse.move(box!.x + at.x, box!.y + at.y);
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('rank = 0.3333333333333333');
  await expect(tip).toContainText('<img src=x');
  expect(await tip.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Save graph as PNG downloads the view at this step, a PNG twice the canvas size', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.runToEnd();
  await pg.last.click();
  await pg.settled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    pg.graph.getByRole('button', { name: 'Save graph as PNG' }).click(),
  ]);
  const { step } = await pg.position();
  expect(download.suggestedFilename()).toBe(`graph-step-${step}.png`);
  const bytes = await (await import('node:fs/promises')).readFile(await download.path());
  // the PNG signature, then the IHDR chunk: width and height, big-endian
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const size = { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
  const canvas = await page.evaluate(() => {
    const cy = (window as unknown as { __cy: { width(): number; height(): number } }).__cy;
    return { w: cy.width(), h: cy.height() };
  });
  expect(Math.abs(size.w - canvas.w * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(size.h - canvas.h * 2)).toBeLessThanOrEqual(2);
  // and the browser decodes it as an image of that size
  const decoded = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    return { w: bitmap.width, h: bitmap.height };
  }, bytes.toString('base64'));
  expect(decoded).toEqual(size);
});
