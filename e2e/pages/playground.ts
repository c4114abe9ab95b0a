import { expect, type Locator, type Page } from '@playwright/test';

/** Data of a Cytoscape node as the page has it, read through `window.__cy`. */
export interface NodeState {
  /** Has class `hl`. */
  hl: boolean;
  /** The `badge` data field. */
  badge: string;
  /** Names of the variables highlighting it. */
  vars: string;
}

/** The playground page as a user sees it: regions and controls found by role and name. */
export class Playground {
  readonly run: Locator;
  readonly stop: Locator;
  readonly forward: Locator;
  readonly back: Locator;
  readonly first: Locator;
  readonly last: Locator;
  readonly slider: Locator;
  readonly counter: Locator;
  readonly editor: Locator;
  readonly variables: Locator;
  readonly console: Locator;
  readonly timeline: Locator;
  readonly graph: Locator;

  constructor(readonly page: Page) {
    this.run = page.getByRole('button', { name: 'Run', exact: true });
    this.stop = page.getByRole('button', { name: 'Stop', exact: true });
    this.forward = page.getByRole('button', { name: 'Step forward' });
    this.back = page.getByRole('button', { name: 'Step back' });
    this.first = page.getByRole('button', { name: 'First step' });
    this.last = page.getByRole('button', { name: 'Last step' });
    this.slider = page.getByRole('slider', { name: 'Step' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.counter = this.timeline.getByLabel('Step counter');
    this.editor = page.getByRole('region', { name: 'Editor' });
    this.variables = page.getByRole('region', { name: 'Variables' });
    this.console = page.getByRole('region', { name: 'Console' });
    this.graph = page.getByRole('region', { name: 'Graph' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    // the editor arrives after the page has painted (a 2.7 MB download): it may come last
    await expect(this.editor.locator('.view-lines')).toContainText('Breadth-first search', { timeout: 30_000 });
    await this.page.waitForFunction(
      () => (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy?.nodes().length,
    );
  }

  /** Opens the page without expecting the sample: for pages that restore work of their own. */
  async reopen(url = '/'): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(
      () => (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy?.nodes().length,
    );
  }

  /** The script as the editor shows it (the lines on screen, in order; keep test scripts short). */
  async code(): Promise<string> {
    return this.editor.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n')
        .trimEnd(),
    );
  }

  /** Replaces the script, typed into Monaco as text. */
  async setCode(code: string): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
  }

  /** Clicks Run and waits until the run has ended (Run is enabled again). */
  async runToEnd(): Promise<void> {
    await this.run.click();
    await expect(this.run).toBeEnabled({ timeout: 20_000 });
  }

  /** The `n / N` counter as numbers. */
  async position(): Promise<{ step: number; total: number }> {
    const text = (await this.counter.textContent()) ?? '';
    const [step, total] = text.split('/').map((s) => Number(s.trim()));
    return { step: step ?? NaN, total: total ?? NaN };
  }

  /** A variable's shown value. */
  variable(name: string): Locator {
    return this.variables.locator(`tr[data-variable="${name}"] td.value`);
  }

  /** Waits until the graph canvas shows the step the counter shows. */
  async settled(): Promise<void> {
    const canvas = this.graph.locator('.graph-host');
    await expect
      .poll(async () => {
        const { step } = await this.position();
        return (await canvas.getAttribute('data-step')) === String(Number.isNaN(step) ? 0 : step);
      })
      .toBe(true);
  }

  /** Classes and data of a node, once the canvas shows the counter's step. */
  async node(id: string): Promise<NodeState> {
    await this.settled();
    return this.page.evaluate((key) => {
      const cy = (
        window as unknown as {
          __cy: { getElementById(id: string): { hasClass(c: string): boolean; data(k: string): unknown } };
        }
      ).__cy;
      const n = cy.getElementById(key);
      return { hl: n.hasClass('hl'), badge: String(n.data('badge') ?? ''), vars: String(n.data('vars') ?? '') };
    }, id);
  }

  /** The line the timeline names for the current step (`line 8 in visit…`), or undefined. */
  async captionLine(): Promise<number | undefined> {
    const text = (await this.slider.getAttribute('aria-valuetext')) ?? '';
    const m = /, line (\d+)/.exec(text);
    return m ? Number(m[1]) : undefined;
  }

  /** The line number the editor marks as the current (or failing) step, or undefined. */
  async markedLine(): Promise<number | undefined> {
    return this.page.evaluate(() => {
      const glyph = document.querySelector<HTMLElement>('.sg-glyph-current, .sg-glyph-error');
      if (!glyph) return undefined;
      const rows = document.querySelectorAll<HTMLElement>('.margin-view-overlays > div');
      const row = [...rows].find((r) => r.style.top === glyph.style.top);
      const n = row?.querySelector('.line-numbers')?.textContent;
      return n ? Number(n) : undefined;
    });
  }

  /** Line numbers of the error squiggles on screen. */
  async markerLines(): Promise<number[]> {
    return this.page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.editor .margin-view-overlays > div')];
      const lineAt = (y: number): number | undefined => {
        const row = rows.find((r) => {
          const b = r.getBoundingClientRect();
          return y >= b.top && y < b.bottom;
        });
        const n = row?.querySelector('.line-numbers')?.textContent;
        return n ? Number(n) : undefined;
      };
      const lines = [...document.querySelectorAll('.editor .squiggly-error')].map((el) => {
        const b = el.getBoundingClientRect();
        return lineAt(b.top + b.height / 2);
      });
      return [...new Set(lines.filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
    });
  }

  /** Number of error squiggles on screen. */
  async markerCount(): Promise<number> {
    return this.editor.locator('.squiggly-error').count();
  }
}
