// The page side of confinement (docs/SECURITY.md): scripts run in an opaque-origin iframe whose
// policy allows no network. Ground truth is a TCP listener on 127.0.0.1 that must see nothing, and
// the saved work and drafts that must be intact after a reload.
import { createServer, type Server } from 'node:net';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { encodeLink } from '../src/ui/share/codec';
import { DEFAULT_SETTINGS } from '../src/protocol/run';
import { ten } from '../src/samples/graphs/ten';
import { Playground } from './pages/playground';
import { Work } from './pages/work';

const MINE = `// my own work\nconsole.log('mine');`;
const THEIRS = `// a lesson someone shared\nconsole.log('theirs');`;
const VALID = `const start = 'A';\nconsole.log('still works');\nexport default start;\n`;

/** A TCP listener that counts connections: nothing in the sandbox may reach it. */
async function listen(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.end('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\nok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A share link (path and fragment) to `code` on the sample graph. */
const linkTo = (code: string): string =>
  `/#${encodeLink({ files: { 'main.ts': code }, mainFile: 'main.ts', graph: ten.data, settings: DEFAULT_SETTINGS, layout: 'preset', step: 0 })}`;

/** Everything a script that got out might try, each attempt caught and reported by name. */
function hostile(url: string): string {
  return [
    `const tried: string[] = [];`,
    `const g: any = globalThis;`,
    `const attempt = (name: string, f: () => unknown) => {`,
    `  try { const r: any = f(); if (r && typeof r.then === 'function') r.then(() => {}, () => {}); tried.push(name + ':ran'); }`,
    `  catch (e) { tried.push(name + ':' + (e as Error).name); }`,
    `};`,
    // recover the worker's global through an event's currentTarget
    `let G: any = g;`,
    `attempt('escape', () => { g.addEventListener('x', (e: any) => (G = e.currentTarget)); g.dispatchEvent(new g.Event('x')); });`,
    `for (const scope of [g, G, g.self, g.parent, g.top]) {`,
    `  if (!scope) continue;`,
    `  attempt('idb-delete', () => scope.indexedDB.deleteDatabase('stepgraph'));`,
    `  attempt('idb-read', () => scope.indexedDB.open('stepgraph'));`,
    `  attempt('storage', () => scope.localStorage.clear());`,
    `  if (scope !== g) attempt('fetch', () => scope.fetch('${url}/fetch'));`,
    `  attempt('xhr', () => { const x = new scope.XMLHttpRequest(); x.open('GET', '${url}/xhr'); x.send(); });`,
    `  attempt('eventsource', () => new scope.EventSource('${url}/es'));`,
    `  attempt('websocket', () => new scope.WebSocket('${url.replace('http', 'ws')}/ws'));`,
    `  attempt('beacon', () => scope.navigator.sendBeacon('${url}/beacon', 'x'));`,
    `  attempt('image', () => { const i = new scope.Image(); i.src = '${url}/img'; });`,
    `  attempt('font', () => new scope.FontFace('x', 'url(${url}/font)').load());`,
    `  attempt('importScripts', () => scope.importScripts('${url}/script.js'));`,
    `  attempt('post', () => scope.postMessage({ type: 'run/done', id: 'forged', response: {} }));`,
    `}`,
    `console.log(tried.join(' '));`,
    // the script's own fetch is the kernel's device: without a grant it stops the module, last
    `await fetch('${url}/kernel');`,
  ].join('\n');
}

/** The hidden sandbox iframe's frame. */
async function sandboxFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url() === 'about:srcdoc')).toBe(true);
  return page.frames().find((f) => f.url() === 'about:srcdoc') as Frame;
}

test('a link whose script attacks saved work, storage and the network changes nothing', async ({ page }) => {
  const listener = await listen();
  try {
    const pg = new Playground(page);
    const work = new Work(page);
    await pg.open();
    await pg.setCode(MINE);
    await work.expectSaved();
    // a first link: my work goes to the drafts, theirs is the saved work
    await page.goto(linkTo(THEIRS));
    await expect(pg.editor).toContainText('a lesson someone shared');
    await expect(work.notice).toContainText('Your previous work is kept in Drafts');
    await work.expectSaved();

    // the hostile link runs at once
    await page.goto(linkTo(hostile(listener.url)));
    await expect(pg.counter).not.toHaveText('0 / 0', { timeout: 20_000 });
    await expect(pg.run).toBeEnabled({ timeout: 20_000 });
    await pg.last.click();
    await expect(pg.console).toContainText('idb-delete:');
    await expect(pg.console).toContainText('PERMISSION_DENIED');
    await expect(pg.console).not.toContainText(':ran');
    // an import by URL in a second script is refused too
    await pg.setCode(`const m = await import('${listener.url}/import.js');\nconsole.log('imported', m);`);
    await pg.runToEnd();
    await expect(pg.console).not.toContainText('imported');
    await work.expectSaved();

    await page.reload();
    await expect(pg.editor).toContainText('import');
    await work.drafts.click();
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await expect(drafts).toContainText('my own work');
    await expect(drafts).toContainText('a lesson someone shared');
    await page.keyboard.press('Escape');

    await pg.setCode(VALID);
    await pg.runToEnd();
    await pg.last.click();
    await expect(pg.console).toContainText('still works');
    expect(listener.connections()).toBe(0);
  } finally {
    await listener.close();
  }
});

test('the sandbox is an opaque origin without storage or network, isolated with its worker, and invisible', async ({
  page,
}) => {
  const listener = await listen();
  try {
    const pg = new Playground(page);
    await pg.open();
    const frame = await sandboxFrame(page);
    const inside = await frame.evaluate(async (url) => {
      const refused = async (f: () => unknown): Promise<string> => {
        try {
          await f();
          return 'allowed';
        } catch (e) {
          return (e as Error).name;
        }
      };
      return {
        origin: self.origin,
        isolated: crossOriginIsolated,
        indexedDB: await refused(() => indexedDB.open('stepgraph')),
        localStorage: await refused(() => localStorage.length),
        cookie: await refused(() => document.cookie),
        fetch: await refused(() => fetch(`${url}/from-frame`)),
        parent: await refused(() => parent.document.title),
      };
    }, listener.url);
    expect(inside).toEqual({
      origin: 'null',
      isolated: true,
      indexedDB: 'SecurityError',
      localStorage: 'SecurityError',
      cookie: 'SecurityError',
      fetch: 'TypeError',
      parent: 'SecurityError',
    });
    const iframe = page.locator('iframe.sandbox-frame');
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
    await expect(iframe).toBeHidden();
    await pg.setCode(VALID);
    await pg.runToEnd();
    expect(listener.connections()).toBe(0);
  } finally {
    await listener.close();
  }
});

test('Stop ends a busy loop between statements, through the sandbox, with its partial trace', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(
    `let i = 0;\nwhile (true) {\n  i++;\n  JSON.stringify(Array.from({ length: 2000 }, (_, k) => k));\n}\n`,
  );
  await pg.run.click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText(/[1-9][\d,]* steps/);
  await pg.stop.click();
  await expect(pg.run).toBeEnabled({ timeout: 1_000 });
  // a cooperative stop (the control block's flag), not the sandbox removed: the engine's own message
  await expect(pg.console.getByRole('alert')).toContainText('Stopped');
  await expect(pg.console.getByRole('alert')).not.toContainText('restarted');
  const { total } = await pg.position();
  expect(total).toBeGreaterThan(100);
});

test('a runaway regular expression is ended by removing the sandbox, and the next run works', async ({ page }) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(`const slow = /^(a+)+$/;\nconsole.log(slow.test('a'.repeat(40) + '!'));\n`);
  await pg.run.click();
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('time limit');
  await pg.setCode(VALID);
  await pg.runToEnd();
  await pg.last.click();
  await expect(pg.console).toContainText('still works');
});

test('the watchdog beside the sandbox ends a runaway run on time while the page itself is busy (K-CTL5)', async ({
  page,
}) => {
  const pg = new Playground(page);
  await pg.open();
  await pg.setCode(`const slow = /^(a+)+$/;\nconsole.log(slow.test('a'.repeat(40) + '!'));\n`);
  await pg.run.click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();
  // the page's main thread is held for longer than the run's 5 s limit and the watchdog's slack
  await page.evaluate(() => {
    const end = Date.now() + 9000;
    while (Date.now() < end);
  });
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText(/ended \d+ ms past it/, { timeout: 20_000 });
  const overrun = Number(/ended (\d+) ms past it/.exec((await status.textContent()) ?? '')?.[1]);
  // ended about a second past the limit, by the sandbox's own clock, not when the page was free again (4 s later)
  expect(overrun).toBeGreaterThanOrEqual(1000);
  expect(overrun).toBeLessThan(1800);
  await pg.setCode(VALID);
  await pg.runToEnd();
  await pg.last.click();
  await expect(pg.console).toContainText('still works');
});
