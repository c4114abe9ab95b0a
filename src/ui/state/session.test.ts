import { describe, expect, it, vi } from 'vitest';
import { InProcessClient } from '../../client/inProcessClient';
import { encodeLink } from '../share/codec';
import { toFile } from '../share/file';
import { bfsDoc } from '../share/fixtures';
import type { PlaygroundDoc } from './doc';
import { WorkSession } from './session';
import { MemoryStorage } from './storage';
import { PlaygroundStore } from './store';

const starter: PlaygroundDoc = { ...bfsDoc, step: 0 };
const mine = `console.log('my own work');\nexport default 1;\n`;
const theirs: PlaygroundDoc = {
  ...bfsDoc,
  files: { 'main.ts': `const a = 1;\nconst b = a + 1;\nconsole.log(b);\n` },
  step: 2,
};

function setup(storage = new MemoryStorage()) {
  const client = new InProcessClient({
    now: () => performance.now() as never,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  });
  const store = new PlaygroundStore(client, starter);
  const session = new WorkSession(store, storage, starter, () => 1_700_000_000_000);
  return { store, session, storage };
}

describe('[work] autosave', () => {
  it('saves a short while after typing, and a new page restores it', async () => {
    // real timers: fake ones replace Date, which lockdown froze (test/setup.ts); the save is awaited, not slept on
    const { store, session, storage } = setup();
    await session.restore();
    store.setFile('main.ts', mine);
    expect(session.getSnapshot().save).toBe('pending');
    expect(storage.records.has('current')).toBe(false);
    await vi.waitFor(() => expect(session.getSnapshot().save).toBe('saved'));
    const next = setup(storage);
    await next.session.restore();
    expect(next.store.getSnapshot().files['main.ts']).toBe(mine);
    expect(next.store.getSnapshot().docVersion).toBe(1);
  });

  it('flush saves at once (the page is closing)', async () => {
    const { store, session, storage } = setup();
    await session.restore();
    store.addNode({ x: 1, y: 2 });
    await session.flush();
    expect(JSON.stringify(storage.records.get('current'))).toContain('"key":"K"');
  });

  it('ignores saved work that no longer validates', async () => {
    const storage = new MemoryStorage();
    storage.records.set('current', { doc: { files: 'garbage' }, savedAt: 1 });
    const { store, session } = setup(storage);
    await session.restore();
    expect(store.getSnapshot().files).toEqual(starter.files);
  });
});

describe('[work] two tabs', () => {
  const typed = async (tab: ReturnType<typeof setup>, text: string): Promise<void> => {
    tab.store.setFile('main.ts', `console.log('${text}');\n`);
    await tab.session.flush();
  };
  const titles = (tab: ReturnType<typeof setup>): string[] => tab.session.getSnapshot().drafts.map((d) => d.title);

  it('saving over work another tab saved since keeps that work as a draft, one per tab', async () => {
    const storage = new MemoryStorage();
    const a = setup(storage);
    await a.session.restore();
    await typed(a, 'a1');
    const b = setup(storage);
    await b.session.restore();
    expect(b.store.getSnapshot().files['main.ts']).toContain('a1');
    // b replaces what it restored: nothing to keep
    await typed(b, 'b1');
    expect(titles(b)).toEqual([]);
    // a saves over b's newer save: b's work is kept
    await typed(a, 'a2');
    expect(titles(a)).toEqual(["console.log('b1');"]);
    // saving in turn replaces each tab's draft instead of piling them up
    await typed(b, 'b2');
    await typed(a, 'a3');
    await typed(b, 'b3');
    const keys = [...storage.records.keys()].filter((k) => k.startsWith('draft:'));
    expect(keys).toHaveLength(2);
    // a new page opens the last save, with the other tab's last work among the drafts
    const c = setup(storage);
    await c.session.restore();
    expect(c.store.getSnapshot().files['main.ts']).toContain('b3');
    expect(titles(c)).toContain("console.log('a3');");
  });

  it('a reload replaces its own save, and the same work in two tabs makes no draft', async () => {
    const storage = new MemoryStorage();
    const a = setup(storage);
    await a.session.restore();
    await typed(a, 'mine');
    const reloaded = setup(storage);
    await reloaded.session.restore();
    await typed(reloaded, 'mine, later');
    expect(titles(reloaded)).toEqual([]);
    // a has not seen that save, but writes the very same work: nothing to keep
    await typed(a, 'mine, later');
    expect([...storage.records.keys()].filter((k) => k.startsWith('draft:'))).toEqual([]);
  });

  it('an unreadable record in the way is replaced, and a failed save says so', async () => {
    const storage = new MemoryStorage();
    const a = setup(storage);
    await a.session.restore();
    storage.records.set('current', { doc: 'garbage', savedAt: 'never' });
    await typed(a, 'mine');
    expect(a.session.getSnapshot().save).toBe('saved');
    expect(JSON.stringify(storage.records.get('current'))).toContain('mine');
    storage.swap = () => Promise.reject(new Error('quota exceeded'));
    await typed(a, 'more');
    expect(a.session.getSnapshot().save).toBe('failed');
  });
});

describe('[work] links and files never lose work', () => {
  it('opening a link on top of unsaved work keeps that work as a draft, then runs the link at its step', async () => {
    const { store, session } = setup();
    await session.restore();
    store.setFile('main.ts', mine);
    expect(await session.openFragment(`#${encodeLink(theirs)}`)).toBe(true);
    const s = store.getSnapshot();
    expect(s.files['main.ts']).toBe(theirs.files['main.ts']);
    expect(s.reader?.length).toBeGreaterThan(2);
    expect(s.step).toBe(2);
    const banner = session.getSnapshot().banner;
    expect(banner?.kind === 'opened' && banner.draftKey).toBeTruthy();
    expect(session.getSnapshot().drafts.map((d) => d.title)).toEqual(["console.log('my own work');"]);

    await session.restoreDraft(session.getSnapshot().drafts[0]?.key ?? '');
    expect(store.getSnapshot().files['main.ts']).toBe(mine);
    // the link's work became a draft in turn: nothing is dropped
    expect(session.getSnapshot().drafts.map((d) => d.title)).toEqual(['const a = 1;']);
  });

  it('the untouched starter is not kept as a draft', async () => {
    const { session } = setup();
    await session.restore();
    await session.openFragment(encodeLink(theirs));
    expect(session.getSnapshot().drafts).toEqual([]);
  });

  it('a bad link shows an alert and changes nothing else', async () => {
    const { store, session, storage } = setup();
    await session.restore();
    store.setFile('main.ts', mine);
    const before = store.getSnapshot();
    expect(await session.openFragment('#s1.this-is-not-a-link')).toBe(false);
    expect(store.getSnapshot()).toBe(before);
    expect(session.getSnapshot().banner).toMatchObject({ kind: 'error', subject: 'link', code: 'SHARE_CORRUPT' });
    expect([...storage.records.keys()].some((k) => k.startsWith('draft:'))).toBe(false);
    session.dismiss();
    expect(session.getSnapshot().banner).toBeUndefined();
  });

  it('imports an exported file like a link, and refuses a malformed one with its reason', async () => {
    const { store, session } = setup();
    await session.restore();
    expect(await session.importFile(toFile(theirs))).toBe(true);
    expect(store.getSnapshot().files).toEqual(theirs.files);
    expect(await session.importFile('{"stepgraph":1,"files":3}')).toBe(false);
    expect(session.getSnapshot().banner).toMatchObject({ kind: 'error', subject: 'file', code: 'SHARE_BAD_SHAPE' });
    expect(store.getSnapshot().files).toEqual(theirs.files);
    expect(JSON.parse(session.exportFile().text)).toMatchObject({ stepgraph: 1, files: theirs.files });
  });

  it('imports a graph file under the current code, keeps the replaced work as a draft, refuses a malformed one', async () => {
    const { store, session, storage } = setup();
    await session.restore();
    store.setFile('main.ts', mine);
    const csv = 'source,target,weight\nx,y,2\ny,z,3\n';
    expect(await session.importFile(csv, 'roads.csv')).toBe(true);
    expect(store.getSnapshot().files['main.ts']).toBe(mine);
    expect(store.getSnapshot().graph.edges).toEqual([
      { key: 'x-y', source: 'x', target: 'y', attributes: { weight: 2 } },
      { key: 'y-z', source: 'y', target: 'z', attributes: { weight: 3 } },
    ]);
    expect(session.getSnapshot().banner).toMatchObject({
      kind: 'opened',
      text: 'Imported the graph “roads.csv” (Edge list (CSV), 3 nodes, 2 edges)',
    });
    expect([...storage.records.keys()].some((k) => k.startsWith('draft:'))).toBe(true);
    const before = store.getSnapshot();
    expect(
      await session.importFile('<graphml>\n<graph>\n<edge source="q" target="r"/></graph></graphml>', 'g.graphml'),
    ).toBe(false);
    expect(session.getSnapshot().banner).toMatchObject({ kind: 'error', subject: 'file', code: 'FORMAT_BAD_GRAPH' });
    expect((session.getSnapshot().banner as { text: string }).text).toMatch(
      /^GraphML: <edge> at line 3: its source "q" is not a node/,
    );
    expect(store.getSnapshot()).toBe(before);
    // past the page's limits (5,000 nodes), however small the file
    const many = Array.from({ length: 5001 }, (_, i) => `n${i}`).join('\n');
    expect(await session.importFile(many, 'many.csv')).toBe(false);
    expect(session.getSnapshot().banner).toMatchObject({ code: 'FORMAT_TOO_MANY' });
    expect(JSON.parse(session.exportGraph('graphology').text)).toMatchObject({
      nodes: [{ key: 'x' }, { key: 'y' }, { key: 'z' }],
    });
  });

  it('an embed (no storage) opens links and saves nothing', async () => {
    const storage = new MemoryStorage();
    const { store } = setup(storage);
    const embed = new WorkSession(store, undefined, starter);
    await embed.restore();
    await embed.openFragment(encodeLink(theirs));
    expect(store.getSnapshot().files).toEqual(theirs.files);
    expect(embed.getSnapshot().save).toBe('off');
    expect(storage.records.size).toBe(0);
  });
});
