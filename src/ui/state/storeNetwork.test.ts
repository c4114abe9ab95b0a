import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessClient } from '../../client/inProcessClient';
import { bfsDoc } from '../share/fixtures';
import { NetworkConsent, type ConsentAnswer } from './consent';
import { memoryDecisions } from './decisionStorage';
import { PlaygroundStore } from './store';

const CODE = [
  "export const manifest = { permissions: { read: ['http://127.0.0.1:18555/...'] } };",
  "const r = await fetch('http://127.0.0.1:18555/data');",
  'export default await r.text();',
].join('\n');

/** A store whose runs ask a consent that answers `answer`; the page's fetch is a fake that counts. */
function setup(first: ConsentAnswer) {
  const answers = { next: first };
  const client = new InProcessClient({
    now: () => performance.now() as never,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
    timers: { set: (ms, fn) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  });
  const consent = new NetworkConsent(memoryDecisions());
  const asked: string[][] = [];
  consent.subscribe(() => {
    const p = consent.getSnapshot();
    if (p) asked.push([...p.patterns]);
    if (p) queueMicrotask(() => consent.respond(answers.next));
  });
  const fetched: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    return Promise.resolve(new Response('from the page'));
  });
  const { step: _step, ...work } = bfsDoc;
  const store = new PlaygroundStore(client, { ...work, files: { 'main.ts': CODE }, mainFile: 'main.ts' }, consent);
  return { store, asked, fetched, answers };
}

afterEach(() => vi.unstubAllGlobals());

describe('[store] a run reaches the network only with the person’s consent', () => {
  it('[C-NET1] [C-NET3] asks with what the manifests ask for; Allow lets the page perform the request', async () => {
    const { store, asked, fetched } = setup('allow');
    await store.run();
    expect(asked).toEqual([['http://127.0.0.1:18555/...']]);
    expect(store.getSnapshot().response?.error).toBeUndefined();
    expect(store.getSnapshot().response?.result).toBe('from the page');
    expect(fetched).toEqual(['http://127.0.0.1:18555/data']);
  });

  it('[C-NET1] Deny fails the script’s fetch with PERMISSION_DENIED; nothing is fetched', async () => {
    const { store, asked, fetched } = setup('deny');
    await store.run();
    expect(asked).toHaveLength(1);
    expect(store.getSnapshot().response?.error).toMatchObject({ code: 'PERMISSION_DENIED', line: 2 });
    expect(store.getSnapshot().response?.error?.message).toContain('not approved');
    expect(fetched).toEqual([]);
    expect(store.getSnapshot().networkRefused).toEqual(['http://127.0.0.1:18555/...']);
  });

  it('[C-NET1] a remembered Deny can be asked again: the next run asks, and Allow goes through', async () => {
    const { store, asked, fetched, answers } = setup('deny');
    await store.run();
    await store.run();
    expect(asked).toHaveLength(1);
    answers.next = 'allow';
    await store.askNetworkAgain();
    expect(asked).toHaveLength(2);
    expect(store.getSnapshot().response?.result).toBe('from the page');
    expect(store.getSnapshot().networkRefused).toEqual([]);
    expect(fetched).toEqual(['http://127.0.0.1:18555/data']);
  });
});
