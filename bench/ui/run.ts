// `npm run bench:ui`: the page's main thread while stepping through long traces, in Debian's Chromium.
// For each trace: the longest main-thread task (PerformanceObserver 'longtask', which reports every
// task over 50 ms) while the person steps: Last, First, 40 steps forward, 20 jumps of the slider.
// The first row is the starter sample, measured in the same run as the baseline the others compare to.
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/chromium';

const PORT = Number(process.env.STEPGRAPH_BENCH_PORT ?? 4390);
const BASE = `http://127.0.0.1:${PORT}`;

interface Case {
  name: string;
  code: string | undefined;
}

const CASES: Case[] = [
  { name: 'starter sample (BFS)', code: undefined },
  {
    name: '1,000,000 steps, 500,000 console lines',
    code: "for (let i = 0; i < 1_000_000; i++) console.log('line ' + i);\n",
  },
  {
    name: '200,000 graph mutations',
    code: "const nodes = graph.nodes();\nfor (let i = 0; i < 200_000; i++) graph.setNodeAttribute(nodes[i % nodes.length], 'visits', i);\n",
  },
];

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
  throw new Error(`bench/ui: vite preview did not answer on ${BASE}`);
}

/** The `n / N` counter. */
const counter = (page: Page) => page.getByRole('region', { name: 'Timeline' }).getByLabel('Step counter');

async function setCode(page: Page, code: string): Promise<void> {
  await page.getByRole('region', { name: 'Editor' }).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Runs the code on screen and waits for the run to end. */
async function run(page: Page): Promise<number> {
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  await runButton.click();
  // the run is over when Run is enabled again and the counter has a total
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Run');
      return b !== undefined && !b.disabled;
    },
    undefined,
    { timeout: 120_000 },
  );
  const text = (await counter(page).textContent()) ?? '';
  return Number(text.split('/')[1]?.trim());
}

/** Waits until the counter shows `step`, then two frames, so the step is on screen. */
async function shown(page: Page, step: number): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('.timeline-counter')?.textContent?.trim().startsWith(`${s} /`),
    step,
    { timeout: 30_000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** With STEPGRAPH_BENCH_VERBOSE set: which action a long task came with. */
let blamed = 0;
async function blame(page: Page, what: string): Promise<void> {
  if (!process.env.STEPGRAPH_BENCH_VERBOSE) return;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.slice());
  const fresh = long.slice(blamed);
  blamed = long.length;
  if (fresh.length) console.log(`  ${what}: ${fresh.map((d) => d.toFixed(0)).join(', ')} ms`);
}

async function stepThrough(page: Page, total: number): Promise<{ longest: number; over: number; actions: number }> {
  blamed = 0;
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  let actions = 0;
  // a run that ends in an error is shown at its last step already
  if (await button('Last step').isEnabled()) await button('Last step').click();
  await shown(page, total);
  await blame(page, 'Last step');
  await button('First step').click();
  await shown(page, 1);
  await blame(page, 'First step');
  actions += 2;
  for (let i = 0; i < 40; i++) {
    await button('Step forward').click();
    await shown(page, i + 2);
    await blame(page, `step forward to ${i + 2}`);
    actions++;
  }
  const slider = page.getByRole('slider', { name: 'Step' });
  for (let k = 1; k <= 20; k++) {
    const to = Math.max(1, Math.round((total * k) / 21));
    await slider.fill(String(to));
    const text = ((await counter(page).textContent()) ?? '').split('/')[0]?.trim();
    await shown(page, Number(text));
    await blame(page, `slider to ${to}`);
    actions++;
  }
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return { longest: long.length ? Math.max(...long) : 0, over: long.length, actions };
}

const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  console.log(
    'Longest main-thread task while stepping (Last, First, 40 steps forward, 20 slider jumps); bound: 50 ms\n',
  );
  console.log(
    'case'.padStart(42),
    'steps'.padStart(10),
    'run s'.padStart(8),
    'longest ms'.padStart(11),
    'tasks>50ms'.padStart(11),
    'vs base'.padStart(8),
  );
  let base = 0;
  for (const c of CASES) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(BASE);
    await page.waitForFunction(() => (window as unknown as { __cy?: unknown }).__cy);
    if (c.code) await setCode(page, c.code);
    const t0 = performance.now();
    const total = await run(page);
    const runS = (performance.now() - t0) / 1000;
    // after a run the page starts the next run's sandbox (an iframe and its worker, whose document
    // shares the page's thread while it starts): that is not stepping, so it is let finish first
    await page.waitForTimeout(3000);
    const r = await stepThrough(page, total);
    // a task under 50 ms is not reported: count it as 50 for the ratio
    const longest = Math.max(r.longest, 50);
    if (!base) base = longest;
    console.log(
      c.name.padStart(42),
      String(total).padStart(10),
      runS.toFixed(1).padStart(8),
      (r.longest ? r.longest.toFixed(0) : '<50').padStart(11),
      String(r.over).padStart(11),
      `${(longest / base).toFixed(2)}×`.padStart(8),
    );
    await page.close();
  }
  await browser.close();
} finally {
  preview.kill();
}
