// The consent prompt (C-NET1): a link whose manifest asks to read a URL shows a question naming it
// before its run; Deny fails the script's fetch with PERMISSION_DENIED and nothing reaches the
// network; Allow lets the request through the kernel's network device, which the page performs.
// Ground truth: an HTTP server on 127.0.0.1 started by the test, which records every request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { encodeLink } from '../src/ui/share/codec';
import { bfsDoc } from '../src/ui/share/fixtures';
import { Playground } from './pages/playground';

const BODY = 'hello from the listener';

/** The requests the server saw: path and headers. */
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let origin = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    // the page fetches across origins (another port), as it would any API: CORS lets it read the answer
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
test.beforeEach(() => void (seen.length = 0));

/** A link (path and fragment) whose main file asks to read the test server and fetches from it. */
function link(marker: string): string {
  const code = [
    `export const manifest = { permissions: { read: ['${origin}/...'] } };`,
    `const r = await fetch('${origin}/data?${marker}');`,
    'const body = await r.text();',
    "console.log('got ' + body);",
    'export default body;',
  ].join('\n');
  return `/#${encodeLink({ ...bfsDoc, files: { 'main.ts': code }, mainFile: 'main.ts', step: 1000 })}`;
}

/** Opens a link and returns the question it asks. */
async function openAsking(page: Page, marker: string) {
  await page.goto(link(marker));
  const dialog = page.getByRole('dialog', { name: 'Allow network access?' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByRole('listitem')).toHaveText([`${origin}/...`]);
  return dialog;
}

test('a link asking for the network waits for the person; Deny fails its fetch with PERMISSION_DENIED', async ({
  page,
}) => {
  const pg = new Playground(page);
  const dialog = await openAsking(page, 'deny');
  // the run waits for the answer: nothing has been asked of the network yet
  await page.waitForTimeout(500);
  expect(seen).toEqual([]);
  await expect(dialog.getByRole('button', { name: 'Deny' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Deny' }).click();
  await expect(dialog).toBeHidden();
  const alert = pg.console.getByRole('alert');
  await expect(alert).toContainText('PERMISSION_DENIED');
  await expect(alert).toContainText(`${origin}/data?deny was not approved`);
  await expect(pg.console).not.toContainText('got ');
  expect(seen).toEqual([]);

  // Deny is remembered for this code: Run again asks nothing and is refused again
  await pg.runToEnd();
  await expect(dialog).toBeHidden();
  await expect(alert).toContainText('PERMISSION_DENIED');
  expect(seen).toEqual([]);

  // until the person asks to be asked again
  await pg.console.getByRole('button', { name: 'Ask me again' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.last.click();
  await expect(pg.console).toContainText(`got ${BODY}`);
  expect(seen.map((s) => s.url)).toEqual(['/data?deny']);
});

test('Escape refuses this run without remembering; Allow lets the request through to the script', async ({ page }) => {
  const pg = new Playground(page);
  const dialog = await openAsking(page, 'allow');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(pg.console.getByRole('alert')).toContainText('PERMISSION_DENIED');
  expect(seen).toEqual([]);

  // not remembered: the next run asks again, and this time the person allows it (by keyboard)
  await pg.run.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Allow' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.last.click();
  await expect(pg.console).toContainText(`got ${BODY}`);
  await expect(pg.console.getByRole('alert')).toHaveCount(0);
  // one request, from the page (the sandbox that runs the script has no network, and an opaque origin)
  expect(seen.map((s) => s.url)).toEqual(['/data?allow']);
  expect(seen[0]?.headers.origin).toBe(new URL(page.url()).origin);
  expect(seen[0]?.headers.cookie).toBeUndefined();
  expect(seen[0]?.headers.referer).toBeUndefined();

  // Allow is remembered for this code: opening the same link again, as a fresh page load (a goto
  // to the same URL would only change the fragment and could read the previous run's console),
  // runs without asking and the request reaches the server a second time
  await page.goto('about:blank');
  await page.goto(link('allow'));
  await expect.poll(() => seen.length, { timeout: 20_000 }).toBe(2);
  await expect(pg.console).toContainText(`got ${BODY}`, { timeout: 20_000 });
  await expect(dialog).toBeHidden();
});
