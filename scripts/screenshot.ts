// Regenerates docs/screenshot.png: the playground after a run of the sample, at a middle step.
// Usage: npm run build && npx vite preview --port 4173 & npx tsx scripts/screenshot.ts [url] [out] [dark]
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'docs/screenshot.png';
const dark = process.argv[4] === 'dark';
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: dark ? 'dark' : 'light' });
await page.goto(url);
await page.getByRole('button', { name: 'Run', exact: true }).click();
const slider = page.getByRole('slider', { name: 'Step' });
await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
await page.waitForFunction(() => document.querySelector('.timeline-counter')?.textContent !== '0 / 0');
const total = Number(((await page.locator('.timeline-counter').textContent()) ?? '').split('/')[1]);
await slider.fill(String(Math.round(total * 0.55)));
await page.mouse.move(0, 0);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
