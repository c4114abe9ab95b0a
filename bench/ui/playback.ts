// `npm run bench:playback`: Play and the breakpoint jumps, measured in Debian's Chromium against the
// built app. For each trace: frames drawn per second and steps shown per second while playing at
// "Every frame" and at "Whole run in 10 s", the longest main-thread task meanwhile (PerformanceObserver
// 'longtask' reports tasks over 50 ms), and the time from a Next breakpoint press to its step on screen.
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/chromium';

const PORT = Number(process.env.STEPGRAPH_BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;

const CASES = [
  { name: 'starter sample (BFS)', code: undefined, line: 8 },
  { name: '1,000,000 steps', code: 'let s = 0;\nfor (let i = 0; i < 500_000; i++) {\n  s += i;\n}\n', line: 3 },
];

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench/ui: vite preview did not answer on ${BASE}`);
}

const stepNow = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector('.timeline-counter')?.textContent?.split('/')[0]));

/** Plays for `ms` at `speed`: frames drawn, steps moved and the longest task meanwhile. */
async function play(page: Page, speed: string, ms: number) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: speed });
  await page.getByRole('slider', { name: 'Step' }).fill('0');
  const from = await stepNow(page);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number; __count: boolean };
    w.__long = [];
    w.__frames = 0;
    w.__count = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
    const tick = (): void => {
      w.__frames++;
      if (w.__count) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const t0 = Date.now();
  await page.waitForTimeout(ms);
  const r = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number; __count: boolean };
    w.__count = false;
    return { frames: w.__frames, long: w.__long };
  });
  const seconds = (Date.now() - t0) / 1000;
  const to = await stepNow(page);
  await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.ariaLabel === 'Pause')?.click());
  return { fps: r.frames / seconds, steps: (to - from) / seconds, longest: r.long.length ? Math.max(...r.long) : 0 };
}

/** Milliseconds from a Next breakpoint press until the counter shows the hit (median of `n`). */
async function jumps(page: Page, n: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < n) {
    const t = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const counter = document.querySelector('.timeline-counter');
          const before = counter?.textContent;
          const button = [...document.querySelectorAll('button')].find((b) => b.ariaLabel === 'Next breakpoint');
          const t0 = performance.now();
          button?.click();
          let frames = 0;
          const check = (): void => {
            if (counter?.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
            else if (++frames > 30)
              resolve(-1); // no hit after this step
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    if (t >= 0) times.push(t);
    else await page.getByRole('slider', { name: 'Step' }).fill('0'); // past the last hit: from the start again
  }
  return times.sort((a, b) => a - b);
}

const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  console.log(
    ['case', 'steps', 'speed', 'fps', 'steps/s', 'longest task ms']
      .map((h, i) => (i ? h.padStart(16) : h.padEnd(24)))
      .join(''),
  );
  for (const c of CASES) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx names the functions it compiles with a helper the page does not have: give it one
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(BASE);
    await page.waitForFunction(() => (window as unknown as { __cy?: unknown }).__cy);
    if (c.code) {
      await page.getByRole('region', { name: 'Editor' }).locator('.view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(c.code);
    }
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(
      () => !/^0 \//.test(document.querySelector('.timeline-counter')?.textContent ?? '0 /'),
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(3000);
    const total = Number((await page.locator('.timeline-counter').textContent())?.split('/')[1]);
    for (const speed of ['Every frame', 'Whole run in 10 s']) {
      const r = await play(page, speed, 3000);
      console.log(
        [c.name, String(total), speed, r.fps.toFixed(0), r.steps.toFixed(0), r.longest ? r.longest.toFixed(0) : '<50']
          .map((v, i) => (i ? v.padStart(16) : v.padEnd(24)))
          .join(''),
      );
    }
    // a breakpoint on the loop's line, then Next breakpoint from the start: time to the hit on screen
    const row = page
      .locator('.editor .margin-view-overlays .line-numbers')
      .filter({ hasText: new RegExp(`^${c.line}$`) });
    const box = await row.boundingBox();
    const margin = await page.locator('.editor .glyph-margin').first().boundingBox();
    if (box && margin) await page.mouse.click(margin.x + 8, box.y + box.height / 2);
    await page.getByRole('slider', { name: 'Step' }).fill(String(Math.floor(total / 2)));
    const t = await jumps(page, 20);
    console.log(
      `${c.name}: Next breakpoint to the hit on screen, 20 presses: median ${t[10]?.toFixed(1)} ms, worst ${t[19]?.toFixed(1)} ms`,
    );
    await page.close();
  }
  await browser.close();
} finally {
  preview.kill();
}
