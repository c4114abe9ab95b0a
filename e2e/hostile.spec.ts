// The hostile suite in the page: every case through the page's own client (`window.__stepgraph`,
// src/ui/app/testHook.ts), in one tab, in sequence, each followed by the benign runs in that same
// tab. Ground truth: a TCP listener that must see nothing, and the page's own state (saved work in
// IndexedDB, localStorage, cookies, its address) unchanged after every case and after a reload.
import { expect, test, type Page } from '@playwright/test';
import type { HookOutcome, TestHook } from '../src/ui/app/testHook';
import type { RunRequest } from '../src/protocol/run';
import { CASES } from '../test/hostile/cases';

// STEPGRAPH_HOSTILE (a regular expression over case ids) runs some cases only, when working on them; CI runs all
const only = process.env.STEPGRAPH_HOSTILE;
const SELECTED = only ? CASES.filter((c) => new RegExp(only).test(c.id)) : CASES;
import { checkBaseline, checkFollowUp, FOLLOW_UP } from '../test/hostile/followUps';
import { judge, prepare, type Outcome } from '../test/hostile/judge';
import { startListener, type Listener } from '../test/hostile/listener';
import type { Script } from '../test/hostile/types';
import { Playground } from './pages/playground';
import { Work } from './pages/work';

const MINE = `// my own work, saved before the hostile cases\nconsole.log('mine');`;

/** What of the page a script must not change. */
interface PageState {
  /** Every record of the saved-work store, as JSON, or why it could not be read. */
  work: string;
  /** localStorage, as JSON. */
  local: string;
  /** document.cookie. */
  cookie: string;
  /** The address. */
  url: string;
}

function pageState(page: Page): Promise<PageState> {
  return page.evaluate(async () => {
    const timeout = <T>(p: Promise<T>, what: string): Promise<T> =>
      Promise.race([p, new Promise<T>((_, no) => setTimeout(() => no(new Error(`${what} timed out`)), 2000))]);
    const done = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((ok, no) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error ?? new Error('failed'));
      });
    let work: string;
    try {
      const db = await timeout(done(indexedDB.open('stepgraph')), 'opening saved work');
      try {
        const store = db.transaction('work').objectStore('work');
        const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
        work = JSON.stringify(keys.map((k, i) => [k, values[i]]));
      } finally {
        db.close();
      }
    } catch (e) {
      work = `unreadable: ${String(e)}`;
    }
    return { work, local: JSON.stringify({ ...localStorage }), cookie: document.cookie, url: location.href };
  });
}

/** Runs `script` in the page's worker. */
async function runInPage(page: Page, script: Script, listener: Listener): Promise<Outcome> {
  const p = prepare(script, { listener: listener.url, port: listener.port, marker: '/tmp/stepgraph-hostile-marker' });
  const request: RunRequest = {
    files: p.files,
    main: p.main,
    graph: p.graph,
    settings: { seed: 'stepgraph', ...p.limits },
    ...(p.grants ? { grants: p.grants } : {}),
  };
  return page.evaluate(
    (req): Promise<HookOutcome> => (window as unknown as { __stepgraph: TestHook }).__stepgraph.run(req),
    request,
  );
}

// the cases in two halves, each in its own tab (Playwright runs them side by side): every case still
// runs after others in the same tab, and the suite takes half the time
const HALVES = [SELECTED.slice(0, Math.ceil(SELECTED.length / 2)), SELECTED.slice(Math.ceil(SELECTED.length / 2))];

for (const [half, cases] of HALVES.entries()) {
  test(`every hostile case is contained in the page, and the same tab is unharmed after it (part ${half + 1} of 2)`, async ({
    page,
    context,
  }) => {
    // every run boots a fresh sandbox (about 0.8 s on an idle 2-core machine): two runs per case
    test.setTimeout(600_000);
    const listener = await startListener();
    try {
      const pg = new Playground(page);
      await pg.open();
      await pg.setCode(MINE);
      await new Work(page).expectSaved();
      await page.evaluate(() => {
        localStorage.setItem('hostile-canary', 'kept');
        document.cookie = 'hostile-canary=kept';
      });
      const before = await pageState(page);
      expect(before.work).toContain('my own work');
      const popups: string[] = [];
      context.on('page', (p) => popups.push(p.url()));
      const run = (script: Script): Promise<Outcome> => runInPage(page, script, listener);

      const baseline = await run(FOLLOW_UP);
      expect(checkBaseline(baseline)).toEqual([]);

      for (const c of cases) {
        const since = listener.connections.length;
        const problems = judge(c.contained, await run(c));
        if (c.next) {
          const what = c.next.what;
          problems.push(...judge(c.next.contained, await run(c.next)).map((p) => `${what}: ${p}`));
        }
        problems.push(...checkFollowUp(await run(FOLLOW_UP), baseline));
        const seen = listener.connections.slice(since);
        if (seen.length > 0)
          problems.push(`the listener saw ${seen.map((s) => JSON.stringify(s.first.split('\r\n')[0]))}`);
        const after = await pageState(page);
        for (const key of ['work', 'local', 'cookie', 'url'] as const) {
          if (after[key] !== before[key]) problems.push(`the page's ${key} changed: ${after[key].slice(0, 200)}`);
        }
        expect.soft(problems, `[${c.id}] ${c.vector}`).toEqual([]);
      }

      expect(popups, 'no window was opened').toEqual([]);
      expect(listener.connections, 'the listener saw nothing over the whole run').toEqual([]);
      // the saved work outlives the tab's session too
      await page.reload();
      await expect(pg.editor).toContainText('my own work');
      expect(await pg.code()).toBe(MINE);
      expect((await pageState(page)).work).toBe(before.work);
    } finally {
      await listener.close();
    }
  });
}
