import { expect, type Locator, type Page } from '@playwright/test';

/** The graph as `window.__cy` has it: node keys with positions, edges as `source-target`. */
export interface GraphSnapshot {
  /** Node id → rounded model position. */
  nodes: Record<string, { x: number; y: number }>;
  /** `source>target` per edge, sorted. */
  edges: string[];
}

type Cy = {
  nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] };
  edges(): { map<T>(f: (e: { data(k: string): string }) => T): T[] };
  getElementById(id: string): { renderedPosition(): { x: number; y: number }; selected(): boolean };
  $(sel: string): { map<T>(f: (e: { id(): string }) => T): T[] };
};

/** The graph panel: its canvas through `window.__cy`, its edit bar by role and name. */
export class GraphCanvas {
  readonly region: Locator;
  readonly host: Locator;
  readonly addNode: Locator;
  readonly addEdge: Locator;
  readonly remove: Locator;
  readonly layout: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Graph' });
    this.host = this.region.getByRole('application', { name: 'Graph canvas' });
    this.addNode = this.region.getByRole('button', { name: 'Add node' });
    this.addEdge = this.region.getByRole('button', { name: 'Add edge' });
    this.remove = this.region.getByRole('button', { name: 'Delete' });
    this.layout = this.region.getByRole('combobox', { name: 'Layout' });
  }

  /** Nodes with rounded positions and edges, as drawn. */
  async snapshot(): Promise<GraphSnapshot> {
    return this.page.evaluate(() => {
      const cy = (window as unknown as { __cy: Cy }).__cy;
      const nodes: Record<string, { x: number; y: number }> = {};
      cy.nodes().map((n) => (nodes[n.id()] = { x: Math.round(n.position().x), y: Math.round(n.position().y) }));
      return {
        nodes,
        edges: cy
          .edges()
          .map((e) => `${e.data('source')}>${e.data('target')}`)
          .sort(),
      };
    });
  }

  /** Ids of the selected elements. */
  async selected(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cy: Cy }).__cy.$(':selected').map((e) => e.id()));
  }

  /** Where a node is on the page, in CSS pixels. */
  async pointOf(id: string): Promise<{ x: number; y: number }> {
    const box = await this.host.boundingBox();
    const p = await this.page.evaluate(
      (key) => (window as unknown as { __cy: Cy }).__cy.getElementById(key).renderedPosition(),
      id,
    );
    if (!box) throw new Error('the graph canvas is not visible');
    return { x: box.x + p.x, y: box.y + p.y };
  }

  /** Clicks a node (a click adds it to the selection). */
  async clickNode(id: string): Promise<void> {
    const p = await this.pointOf(id);
    await this.page.mouse.click(p.x, p.y);
  }

  /** Drags a node by (dx, dy) CSS pixels. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const p = await this.pointOf(id);
    await this.page.mouse.move(p.x, p.y);
    await this.page.mouse.down();
    await this.page.mouse.move(p.x + dx / 2, p.y + dy / 2, { steps: 4 });
    await this.page.mouse.move(p.x + dx, p.y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Double-clicks the empty bottom-left corner of the canvas, where a new node goes. */
  async doubleClickEmpty(): Promise<void> {
    const box = await this.host.boundingBox();
    if (!box) throw new Error('the graph canvas is not visible');
    await this.page.mouse.dblclick(box.x + 40, box.y + box.height - 40);
  }

  /** Waits until the drawn graph has `n` nodes. */
  async expectNodeCount(n: number): Promise<void> {
    await expect.poll(async () => Object.keys((await this.snapshot()).nodes).length).toBe(n);
  }
}
