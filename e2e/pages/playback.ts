import { expect, type Locator, type Page } from '@playwright/test';

/** Play, Speed and breakpoints, found by role and name; glyphs read from the editor's margin. */
export class PlaybackControls {
  readonly play: Locator;
  readonly pause: Locator;
  readonly speed: Locator;
  readonly graphOnly: Locator;
  readonly previousBreakpoint: Locator;
  readonly nextBreakpoint: Locator;
  readonly breakpoints: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    const timeline = page.getByRole('region', { name: 'Timeline' });
    this.play = timeline.getByRole('button', { name: 'Play', exact: true });
    this.pause = timeline.getByRole('button', { name: 'Pause', exact: true });
    this.speed = timeline.getByRole('combobox', { name: 'Speed' });
    this.graphOnly = timeline.getByRole('checkbox', { name: 'Graph changes only' });
    this.previousBreakpoint = timeline.getByRole('button', { name: 'Previous breakpoint' });
    this.nextBreakpoint = timeline.getByRole('button', { name: 'Next breakpoint' });
    this.breakpoints = timeline.getByRole('list', { name: 'Breakpoints' });
    // the live region that says why playback or a jump stopped (the counter is a status too)
    this.note = timeline.locator('.timeline-note[role="status"]');
  }

  /** The condition field of the breakpoint on `file:line`. */
  condition(name: string): Locator {
    return this.page.getByRole('textbox', { name: `Condition of breakpoint ${name}` });
  }

  /** Clicks the editor's glyph margin beside line `line` (the line must be on screen). */
  async clickGutter(line: number): Promise<void> {
    const row = this.page
      .locator('.editor .margin-view-overlays .line-numbers')
      .filter({ hasText: new RegExp(`^${line}$`) });
    const box = await row.boundingBox();
    const margin = await this.page.locator('.editor .glyph-margin').first().boundingBox();
    if (!box || !margin) throw new Error(`line ${line} is not on screen`);
    await this.page.mouse.click(margin.x + 8, box.y + box.height / 2);
  }

  /** Line numbers of the breakpoint glyphs in the editor, with their kind (`sg-bp`, `sg-bp-cond`…). */
  async glyphs(): Promise<Array<[number, string]>> {
    return this.page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.editor .margin-view-overlays > div')];
      const found = [...document.querySelectorAll<HTMLElement>('.editor [class*="sg-bp"]')].map((g) => {
        const row = rows.find((r) => r.style.top === g.style.top);
        const kind = [...g.classList].find((c) => c.startsWith('sg-bp')) ?? '';
        return [Number(row?.querySelector('.line-numbers')?.textContent ?? NaN), kind] as [number, string];
      });
      return found.sort((a, b) => a[0] - b[0]);
    });
  }

  /** Moves focus off every control, so that keys go to the page (as after a click on empty space). */
  async focusPage(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /** Waits `n` drawn frames in the page. */
  async frames(n: number): Promise<void> {
    await this.page.evaluate(
      (count) =>
        new Promise<void>((resolve) => {
          let left = count;
          const tick = (): void => {
            if (--left <= 0) resolve();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      n,
    );
  }

  /** Expects Play to be offered (not playing). */
  async expectPaused(): Promise<void> {
    await expect(this.play).toBeVisible();
  }
}
