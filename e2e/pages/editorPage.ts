import type { Locator, Page } from '@playwright/test';

/** Monaco as a user meets it: its suggestions, hovers, problems and the Problems list. */
export class EditorPage {
  readonly region: Locator;
  readonly input: Locator;
  readonly suggestions: Locator;
  readonly hover: Locator;
  readonly peek: Locator;
  readonly problems: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Editor' });
    this.input = this.region.getByRole('textbox', { name: /Script editor/ });
    this.suggestions = page.locator('.editor-widget.suggest-widget.visible');
    this.hover = page.locator('.monaco-hover:not(.hidden)');
    this.peek = page.locator('.marker-widget');
    this.problems = this.region.getByRole('group', { name: 'Problems' });
  }

  /** A suggestion by its label. */
  suggestion(label: string): Locator {
    return this.suggestions.getByRole('option', { name: new RegExp(`^${label.replace(/[/.]/g, '\\$&')}\\b`) });
  }

  /** The line number the cursor is on. */
  async cursorLine(): Promise<number | undefined> {
    return this.region.evaluate((el) => {
      const row = [...el.querySelectorAll<HTMLElement>('.margin-view-overlays > div')].find((r) =>
        r.querySelector('.current-line'),
      );
      const n = row?.querySelector('.line-numbers')?.textContent;
      return n ? Number(n) : undefined;
    });
  }

  /** Hovers the middle of the first occurrence of `word` among the lines on screen. */
  async hoverWord(word: string): Promise<void> {
    const at = await this.region.evaluate((el, w) => {
      for (const line of el.querySelectorAll('.view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n.textContent ?? '').search(new RegExp(`\\b${w}\\b`));
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + w.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return undefined;
    }, word);
    if (!at) throw new Error(`"${word}" is not on screen`);
    await this.page.mouse.move(at.x, at.y);
  }

  /** Counts of error and warning squiggles on screen. */
  async squiggles(): Promise<{ errors: number; warnings: number }> {
    return {
      errors: await this.region.locator('.squiggly-error').count(),
      warnings: await this.region.locator('.squiggly-warning').count(),
    };
  }
}
