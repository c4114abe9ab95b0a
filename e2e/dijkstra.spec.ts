import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

/** Every node's `dist=` badge value, read from Cytoscape once it shows the counter's step. */
async function distances(pg: Playground): Promise<Record<string, number>> {
  await pg.settled();
  return pg.page.evaluate(() => {
    const cy = (window as unknown as { __cy: { nodes(): Array<{ id(): string; data(k: string): unknown }> } }).__cy;
    const out: Record<string, number> = {};
    for (const n of cy.nodes()) {
      const m = /dist=(\d+)/.exec(String(n.data('badge') ?? ''));
      if (m) out[n.id()] = Number(m[1]);
    }
    return out;
  });
}

test("Dijkstra's dist map shows as badges on the nodes and changes step by step", async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await page
    .getByRole('combobox', { name: 'Open a sample algorithm' })
    .selectOption({ label: 'Dijkstra’s shortest paths' });
  await expect(pg.editor.locator('.view-lines')).toContainText("Dijkstra's shortest paths");
  await expect(pg.counter).not.toHaveText('0 / 0', { timeout: 20_000 });
  const { total } = await pg.position();

  // the first steps: only the start has a distance
  await expect(pg.counter).toHaveText(`1 / ${total}`);
  await pg.forward.click();
  await pg.forward.click();
  expect(await distances(pg)).toEqual({ A: 0 });

  // walk the whole trace: badges appear as nodes are reached and only ever go down
  const seen: Record<string, number[]> = {};
  let edgeLit = false;
  const stride = Math.max(1, Math.ceil(total / 80));
  for (let i = 0; i < total; i += stride) {
    await pg.slider.fill(String(i));
    await expect(pg.counter).toHaveText(`${i + 1} / ${total}`);
    for (const [node, d] of Object.entries(await distances(pg))) {
      const list = (seen[node] ??= []);
      if (list.at(-1) !== d) list.push(d);
    }
    edgeLit ||= await page.evaluate(
      () => (window as unknown as { __cy: { edges(s: string): { length: number } } }).__cy.edges('.hl').length > 0,
    );
  }
  expect(Object.keys(seen).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
  for (const list of Object.values(seen)) expect([...list].sort((a, b) => b - a)).toEqual(list);
  expect(
    Object.values(seen).some((list) => list.length > 1),
    'some distance improved',
  ).toBe(true);
  expect(edgeLit, 'the edge being relaxed is highlighted').toBe(true);

  // the last step holds the final distances, as the console printed them
  await pg.last.click();
  const final = await distances(pg);
  expect(Object.keys(final)).toHaveLength(9);
  for (const [node, list] of Object.entries(seen)) expect(final[node]).toBe(list.at(-1));
});
