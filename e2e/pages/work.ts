import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { Playground } from './playground';

/** Share, the banner, drafts, import/export and the seed: the parts of the page that keep work. */
export class Work {
  readonly share: Locator;
  readonly dialog: Locator;
  readonly linkField: Locator;
  readonly seed: Locator;
  readonly saveStatus: Locator;
  readonly alert: Locator;
  readonly notice: Locator;
  readonly restorePrevious: Locator;
  readonly drafts: Locator;
  readonly importFile: Locator;
  readonly exportButton: Locator;
  readonly exportGraph: Locator;

  constructor(readonly page: Page) {
    this.share = page.getByRole('button', { name: 'Share', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Share' });
    this.linkField = this.dialog.getByRole('textbox', { name: 'Share link' });
    this.seed = page.getByRole('textbox', { name: 'Seed' });
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
    this.alert = page.locator('.banner[role="alert"]');
    this.notice = page.locator('.banner[role="status"]');
    this.restorePrevious = page.getByRole('button', { name: 'Restore your previous work' });
    this.drafts = page.getByRole('button', { name: /^Drafts/ });
    this.importFile = page.getByLabel('Import file');
    this.exportButton = page.getByRole('button', { name: 'Export' });
    this.exportGraph = page.getByRole('combobox', { name: 'Export graph' });
  }

  /** Clicks Share and returns the link from the dialog's field. */
  async makeLink(): Promise<string> {
    await this.share.click();
    await expect(this.linkField).toHaveValue(/#s[12]\./);
    return this.linkField.inputValue();
  }

  /** Waits until the autosave says the work is kept. */
  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }
}

/** Opens a link in its own fresh browser context (no saved work, like another person's machine). */
export async function openInFreshContext(
  browser: Browser,
  link: string,
): Promise<{ pg: Playground; work: Work; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(link);
  const pg = new Playground(page);
  await expect(pg.counter).not.toHaveText('0 / 0', { timeout: 20_000 });
  return { pg, work: new Work(page), close: () => context.close() };
}

/** Makes a link to `code` on the sample graph in a separate context, as someone else would. */
export async function linkFromSomeoneElse(browser: Browser, code: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(code);
  await pg.runToEnd();
  const link = await new Work(page).makeLink();
  await context.close();
  return link;
}
