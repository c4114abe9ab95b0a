// `npm run bench:ui` (second part): big graphs in the built page, in Debian's Chromium.
// A 5,000-node / 20,000-edge graph (seeded, with positions) is imported as a file: first draw (from
// the file chosen to the nodes on the canvas, two frames later); a BFS over it, then Step forward /
// Step back timed inside the page (click to the canvas showing the step, next frame), p95; frames
// per second while Play runs. Then a 50,000-node graph: the longest main-thread task after its draw.
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { seededRandom } from '../../src/shared/random';

const PORT = Number(process.env.STEPGRAPH_BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;

/** `n` nodes on a grid of 40 px with `m` edges, each to a node a few cells away: a readable picture. */
function bigGraph(n: number, m: number): string {
  const random = seededRandom(`big-${n}`);
  const cols = Math.ceil(Math.sqrt(n * 2));
  const nodes = Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    attributes: { x: (i % cols) * 40, y: Math.floor(i / cols) * 40 },
  }));
  const seen = new Set<string>();
  const edges: Array<{ key: string; source: string; target: string }> = [];
  while (edges.length < m) {
    const a = Math.floor(random() * n);
    const b = a + [1, -1, cols, -cols, cols + 1, 2, 2 * cols][Math.floor(random() * 7)]!;
    if (b < 0 || b >= n || seen.has(`${a},${b}`) || seen.has(`${b},${a}`)) continue;
    seen.add(`${a},${b}`);
    edges.push({ key: `e${edges.length}`, source: `n${a}`, target: `n${b}` });
  }
  return JSON.stringify({ options: { type: 'undirected' }, nodes, edges });
}

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

/** Imports `text` as a graph file; resolves with ms from the file chosen to the nodes drawn. */
async function importGraph(page: Page, name: string, text: string, nodes: number): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const t0 = await page.evaluate(() => performance.now());
  await page.getByLabel('Import file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  return page.evaluate(
    ([n, start]) =>
      new Promise<number>((resolve) => {
        const check = (): void => {
          const cy = (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy;
          if (cy && cy.nodes().length === n)
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          else setTimeout(check, 5);
        };
        check();
      }),
    [nodes, t0] as const,
  );
}

/** Clicks a button in the page and times until the canvas shows the next step and a frame is drawn. */
async function timedSteps(page: Page, label: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ([name, n]) => {
      const host = document.querySelector<HTMLElement>('.graph-host')!;
      const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const before = host.dataset.step;
        const t0 = performance.now();
        button.click();
        await new Promise<void>((resolve) => {
          const wait = (): void => {
            if (host.dataset.step !== before) requestAnimationFrame(() => resolve());
            else requestAnimationFrame(wait);
          };
          wait();
        });
        out.push(performance.now() - t0);
      }
      return out;
    },
    [label, count] as const,
  );
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

const preview = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await waitForServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // tsx names the functions passed to page.evaluate through a helper the page does not have
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(BASE);
  await page.waitForFunction(() => (window as unknown as { __cy?: unknown }).__cy);
  console.log('Big graphs in the page (Chromium)\n');
  // each row is printed as soon as it is measured
  const rows = {
    push: ([what, value, bound]: [string, string, string]) =>
      console.log(what.padStart(58), value.padStart(10), bound.padStart(11)),
  };
  const draw = await importGraph(page, 'big.json', bigGraph(5000, 20000), 5000);
  const renderer = await page.locator('.graph-host').getAttribute('data-renderer');
  rows.push([`first draw, 5,000 nodes / 20,000 edges (${renderer})`, `${draw.toFixed(0)} ms`, '≤ 2000 ms']);

  // the starter BFS, on the imported graph (it starts from the first node when there is no A)
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Run');
      const c = document.querySelector('.timeline-counter')?.textContent ?? '';
      return b !== undefined && !b.disabled && !c.startsWith('0 /');
    },
    undefined,
    { timeout: 120_000 },
  );
  const total = (await page.locator('.timeline-counter').textContent()) ?? '';
  await page.waitForTimeout(3000);
  // the middle of the run: the queue and dist map hold thousands of nodes
  const slider = page.getByRole('slider', { name: 'Step' });
  const steps = Number(total.split('/')[1]);
  await slider.fill(String(Math.floor(steps / 2)));
  await page.waitForTimeout(500);
  const forward = await timedSteps(page, 'Step forward', 60);
  const back = await timedSteps(page, 'Step back', 60);
  const all = [...forward, ...back];
  rows.push([`step ±1 (BFS, ${steps} steps), p95 of ${all.length}`, `${p95(all).toFixed(0)} ms`, '≤ 50 ms']);

  // frames while playing: requestAnimationFrame callbacks over 3 s
  await page.getByRole('button', { name: 'Play' }).click();
  const fps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const t0 = performance.now();
        const tick = (): void => {
          frames++;
          if (performance.now() - t0 < 3000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (performance.now() - t0));
        };
        requestAnimationFrame(tick);
      }),
  );
  // a click from inside the page: it lands as soon as the page's thread is free
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')?.click());
  rows.push(['frames per second while playing', fps.toFixed(0), '≥ 30']);

  if (!process.env.STEPGRAPH_BENCH_SKIP_50K) {
    const big = await importGraph(page, 'huge.json', bigGraph(50000, 60000), 50000);
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
    await page.waitForTimeout(1000);
    await slider.fill('1');
    await page.waitForTimeout(1000);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    rows.push([
      `50,000 nodes: first draw ${big.toFixed(0)} ms; longest task after`,
      `${Math.max(0, ...long).toFixed(0)} ms`,
      '≤ 200 ms',
    ]);
  }
  await browser.close();
} finally {
  preview.kill();
}
