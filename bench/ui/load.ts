// `npm run bench:load`: how fast the page opens, on the preview build, in Debian's Chromium; three
// cold loads (a new browser context each, so nothing is cached). Per load: first contentful paint,
// the JavaScript fetched before it (gzip, as a static host would send it), when the editor is ready,
// and the first Run of the BFS sample, click to finished trace, measured in the page.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/chromium';

const PORT = Number(process.env.STEPGRAPH_BENCH_PORT ?? 4390);
const BASE = `http://127.0.0.1:${PORT}`;
const LOADS = Number(process.env.STEPGRAPH_BENCH_LOADS ?? 3);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(BASE)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench/ui/load: vite preview did not answer on ${BASE}`);
}

const gzipOf = new Map<string, number>();
/** The gzip size of a built file, by its URL path. */
function gzipSize(path: string): number {
  let n = gzipOf.get(path);
  if (n === undefined) {
    n = gzipSync(readFileSync(`dist${path}`)).length;
    gzipOf.set(path, n);
  }
  return n;
}

/** First contentful paint and the scripts whose download ended before it. */
async function paint(page: Page): Promise<{ fcp: number; scripts: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ fcp: number; scripts: string[] }>((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (!fcp) return;
          const scripts = performance
            .getEntriesByType('resource')
            .filter((e) => (e as PerformanceResourceTiming).responseEnd <= fcp.startTime && /\.m?js$/.test(e.name))
            .map((e) => new URL(e.name).pathname);
          resolve({ fcp: fcp.startTime, scripts });
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/**
 * Clicks Run and resolves with the ms until the trace is in (Run enabled again, the counter has a
 * total). A string, so that tsx's helpers (`__name`) stay out of the page.
 */
const FIRST_RUN = `new Promise((resolve, reject) => {
  const run = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run');
  const counter = document.querySelector('.timeline-counter');
  if (!run || !counter) return reject(new Error('bench/ui/load: no Run button or step counter'));
  const t0 = performance.now();
  run.click();
  const check = () => {
    const total = Number((counter.textContent || '').split('/')[1]);
    if (!run.disabled && total > 0) resolve(performance.now() - t0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

const firstRun = (page: Page): Promise<number> => page.evaluate(FIRST_RUN) as Promise<number>;

// vite itself, not through npx: killing npx would leave the server running
const preview = spawn(
  'node_modules/.bin/vite',
  ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
try {
  await waitForServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  console.log(
    'Opening the page, three cold loads; bounds: FCP ≤ 1000 ms, JS before FCP ≤ 300 KB gzip, first Run ≤ 300 ms\n',
  );
  console.log(
    'load'.padStart(4),
    'FCP ms'.padStart(8),
    'JS KB gz'.padStart(9),
    'editor ms'.padStart(10),
    'first Run ms'.padStart(13),
  );
  for (let i = 1; i <= LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(BASE);
    const { fcp, scripts } = await paint(page);
    const js = scripts.reduce((sum, s) => sum + gzipSize(s), 0) / 1024;
    if (process.env.STEPGRAPH_BENCH_VERBOSE)
      console.log(scripts.map((s) => `${s} ${(gzipSize(s) / 1024).toFixed(0)} KB`).join('\n'));
    await page.locator('.view-lines').filter({ hasText: 'Breadth-first search' }).waitFor({ timeout: 60_000 });
    const editor = await page.evaluate(() => performance.now());
    const ms = await firstRun(page);
    console.log(
      String(i).padStart(4),
      fcp.toFixed(0).padStart(8),
      js.toFixed(0).padStart(9),
      editor.toFixed(0).padStart(10),
      ms.toFixed(0).padStart(13),
    );
    await context.close();
  }
  await browser.close();
} finally {
  preview.kill();
}
