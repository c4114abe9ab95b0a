import { expect, type Locator, type Page } from '@playwright/test';

/** The Modules region: one row per module instance, its state and usage, and the strip of who ran where. */
export class Modules {
  readonly region: Locator;
  readonly rows: Locator;
  readonly openSample: Locator;
  readonly lanes: Locator;
  readonly caption: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Modules' });
    this.rows = this.region.locator('tbody tr');
    this.openSample = this.region.getByRole('button', { name: 'Open the two-module sample' });
    this.lanes = this.region.getByRole('img', { name: /Which module ran/ });
    this.caption = page.getByRole('region', { name: 'Timeline' }).locator('.timeline-caption');
  }

  /** The row of a module, by the name the panel gives it (`bfsFrom.ts #2`). */
  row(name: string): Locator {
    return this.region.getByRole('row', { name: new RegExp(`^${name.replace(/[.#]/g, '\\$&')}\\b`) });
  }

  /** Each module's shown state, by name. */
  async states(): Promise<Record<string, string>> {
    return this.rows.evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-module') ?? '', r.getAttribute('data-state') ?? ''])),
    );
  }

  /** The module named in the timeline's caption, if any: `line 9 in bfsFrom (depth 1) · bfsFrom.ts #2`. */
  async runningModule(): Promise<string | undefined> {
    const text = (await this.caption.textContent()) ?? '';
    return text.includes(' · ') ? text.split(' · ').pop() : undefined;
  }

  /** Waits until the panel lists `n` modules. */
  async expectCount(n: number): Promise<void> {
    await expect(this.rows).toHaveCount(n);
  }
}
