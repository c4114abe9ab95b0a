import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { GraphCanvas } from './pages/graphCanvas';
import { Playground } from './pages/playground';
import { Work } from './pages/work';

const FIXTURES = new URL('../test/fixtures/graphs/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

type Cy = {
  edges(): { map<T>(f: (e: { id(): string; style(k: string): string; data(k: string): string }) => T): T[] };
  nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] };
};

/** Each edge's drawn label, by `source>target`, as the canvas has it. */
function edgeLabels(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: Cy }).__cy;
    return Object.fromEntries(cy.edges().map((e) => [`${e.data('source')}>${e.data('target')}`, e.style('label')]));
  });
}

/** Distinct node positions on the canvas: a graph drawn on one point would have one. */
function distinctPositions(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: Cy }).__cy;
    return new Set(cy.nodes().map((n) => `${Math.round(n.position().x)},${Math.round(n.position().y)}`)).size;
  });
}

test('the weighted sample draws its weights on its edges', async ({ page }, testInfo) => {
  const pg = new Playground(page);
  await pg.open();
  await page.getByRole('combobox', { name: 'Use a graph' }).selectOption({ label: 'Nine towns (weighted)' });
  await expect
    .poll(() => edgeLabels(page))
    .toMatchObject({ 'A>B': '4', 'A>H': '8', 'B>H': '11', 'G>H': '1', 'D>F': '14' });
  const labels = await edgeLabels(page);
  expect(Object.keys(labels)).toHaveLength(14);
  expect(Object.values(labels).every((l) => /^\d+$/.test(l))).toBe(true);
  // docs/weights.png is this picture, looked at and kept by hand
  await page.getByRole('region', { name: 'Graph' }).screenshot({ path: testInfo.outputPath('weights.png') });
});

const FORMATS: Array<[file: string, title: string]> = [
  ['triangle.json', 'graphology JSON'],
  ['triangle.cyjs', 'Cytoscape JSON'],
  ['triangle.graphml', 'GraphML'],
  ['triangle.gexf', 'GEXF'],
  ['triangle.dot', 'DOT (Graphviz)'],
  ['triangle.csv', 'Edge list (CSV)'],
  ['triangle.tsv', 'Edge list (TSV)'],
];

test('Import reads a graph file in every format, laid out and weighted, and the code runs on it', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  for (const [name, title] of FORMATS) {
    await work.importFile.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(fixture(name)) });
    await expect(work.notice, name).toContainText(`Imported the graph “${name}” (${title}, 3 nodes, 3 edges)`);
    await expect.poll(() => edgeLabels(page), name).toEqual({ 'a>b': '3', 'b>c': '4.5', 'c>a': '7' });
    expect(await distinctPositions(page), name).toBe(3);
  }
  // the code still there runs on the imported graph
  await pg.setCode("console.log('order', graph.order, graph.size)");
  await pg.run.click();
  await expect(pg.console).toContainText('order 3 3');
});

const BROKEN: Array<[file: string, where: RegExp]> = [
  ['broken.json', /graphology JSON: not valid JSON at line 3/],
  ['broken.cyjs', /Cytoscape JSON: edge 1: the target has no key/],
  ['broken.graphml', /GraphML: not well-formed XML at line 5/],
  ['broken.gexf', /GEXF: <edge> at line 5: its target "zz" is not a node/],
  ['broken.dot', /DOT \(Graphviz\): not valid DOT at line 3/],
  ['broken.csv', /Edge list \(CSV\): line 3: the weight "heavy" is not a number/],
  ['broken.tsv', /Edge list \(TSV\): line 2 has 5 columns/],
];

test('a malformed graph file in any format says where, changes nothing, and the page goes on', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  const canvas = new GraphCanvas(page);
  await pg.open();
  const before = await canvas.snapshot();
  for (const [name, where] of BROKEN) {
    await work.importFile.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(fixture(name)) });
    await expect(work.alert, name).toContainText('This file could not be opened.');
    await expect(work.alert, name).toContainText(where);
    expect(await canvas.snapshot(), name).toEqual(before);
  }
  await pg.run.click();
  await expect(pg.counter).not.toHaveText('0 / 0');
  await pg.last.click();
  await expect(pg.console).toContainText('visit');
});

test('Export graph downloads each format, and each file imports back as the same graph', async ({ page }, testInfo) => {
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  await page.getByRole('combobox', { name: 'Use a graph' }).selectOption({ label: 'Nine towns (weighted)' });
  await expect.poll(async () => (await edgeLabels(page))['A>B']).toBe('4');
  const weighted = await edgeLabels(page);
  for (const [name, title] of FORMATS) {
    const download = page.waitForEvent('download');
    await work.exportGraph.selectOption({ label: `${title} (${name.slice(name.indexOf('.'))})` });
    const file = await download;
    expect(file.suggestedFilename(), title).toBe(`graph${name.slice(name.indexOf('.'))}`);
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    // another graph first, so that the import visibly brings the weighted one back
    await page.getByRole('combobox', { name: 'Use a graph' }).selectOption({ label: 'Ten nodes' });
    await expect.poll(async () => Object.keys(await edgeLabels(page)).length).toBe(13);
    await work.importFile.setInputFiles(path);
    await expect(work.notice, title).toContainText(`(${title}, 9 nodes, 14 edges)`);
    await expect.poll(() => edgeLabels(page), title).toEqual(weighted);
  }
});

test('a graph file dropped on the graph is imported', async ({ page }) => {
  const pg = new Playground(page);
  const work = new Work(page);
  await pg.open();
  const text = fixture('triangle.dot');
  await page.getByRole('region', { name: 'Graph' }).evaluate((region, dot) => {
    const data = new DataTransfer();
    data.items.add(new File([dot], 'towns.dot'));
    region.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    region.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(work.notice).toContainText('Imported the graph “towns.dot” (DOT (Graphviz), 3 nodes, 3 edges)');
  await expect.poll(() => edgeLabels(page)).toEqual({ 'a>b': '3', 'b>c': '4.5', 'c>a': '7' });
});

test('Add edge right after Add node connects exactly the two nodes picked last, in order', async ({ page }) => {
  const pg = new Playground(page);
  const canvas = new GraphCanvas(page);
  await pg.open();
  await canvas.addNode.click();
  await canvas.expectNodeCount(11);
  // the new node K is selected; the person then picks J, then A
  await canvas.clickNode('J');
  await canvas.clickNode('A');
  await expect.poll(() => canvas.selected()).toEqual(expect.arrayContaining(['J', 'A']));
  await canvas.addEdge.click();
  await expect.poll(async () => (await canvas.snapshot()).edges).toContain('J>A');
  const { edges } = await canvas.snapshot();
  expect(edges.filter((e) => e.startsWith('K>') || e.endsWith('>K'))).toEqual([]);
});

test("a script's color and label attributes are drawn at their step, and undone before it", async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    [
      "console.log('start');",
      "graph.setNodeAttribute('A', 'color', '#d55e00');",
      "graph.setNodeAttribute('B', 'label', 'Bee');",
      "graph.setEdgeAttribute('A-B', 'label', 'tree');",
      "graph.setEdgeAttribute('A-B', 'color', '#009e73');",
      "console.log('done');",
    ].join('\n'),
  );
  await pg.run.click();
  await expect(pg.counter).not.toHaveText('0 / 0');
  const drawn = () =>
    page.evaluate(() => {
      type El = { data(k: string): string; style(k: string): string };
      const cy = (window as unknown as { __cy: { getElementById(id: string): El } }).__cy;
      return {
        fill: cy.getElementById('A').data('fill'),
        bee: cy.getElementById('B').data('label'),
        edge: cy.getElementById('A-B').style('label'),
        line: cy.getElementById('A-B').style('line-color'),
      };
    });
  await pg.last.click();
  await expect.poll(drawn).toEqual({ fill: '#d55e00', bee: 'Bee', edge: 'tree', line: 'rgb(0,158,115)' });
  await pg.first.click();
  await expect.poll(drawn).toMatchObject({ fill: '', bee: 'B', edge: '' });
});
