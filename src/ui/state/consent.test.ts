import { describe, expect, it } from 'vitest';
import { NetworkConsent, cleanPatterns, playgroundKey } from './consent';
import { DECISIONS_KEY, localDecisions, memoryDecisions } from './decisionStorage';

const FILES = { 'main.ts': "export const manifest = { permissions: { read: ['https://api.example.com/...'] } };" };
const ASKED = ['HTTPS://API.example.com:443/...'];

/** Answers the next question with `answer` as soon as it shows, and records what it showed. */
function answering(consent: NetworkConsent, answer: 'allow' | 'deny' | 'dismiss'): string[][] {
  const shown: string[][] = [];
  consent.subscribe(() => {
    const p = consent.getSnapshot();
    if (!p) return;
    shown.push([...p.patterns]);
    queueMicrotask(() => consent.respond(answer));
  });
  return shown;
}

describe('[consent] network access is the person’s decision', () => {
  it('[C-NET1] asks before the first run, shows each pattern as parsed, remembers Allow for this code', async () => {
    const consent = new NetworkConsent(memoryDecisions());
    const shown = answering(consent, 'allow');
    expect(await consent.decide(FILES, 'main.ts', ASKED)).toEqual(['https://api.example.com/...']);
    expect(shown).toEqual([['https://api.example.com/...']]);
    expect(await consent.decide(FILES, 'main.ts', ASKED)).toEqual(['https://api.example.com/...']);
    expect(shown).toHaveLength(1);
    // other code is another question
    expect(await consent.decide({ 'main.ts': 'x' }, 'main.ts', ASKED)).toEqual(['https://api.example.com/...']);
    expect(shown).toHaveLength(2);
  });

  it('[C-NET1] Deny is remembered; closing (Escape) refuses this run only', async () => {
    const denying = new NetworkConsent(memoryDecisions());
    const denied = answering(denying, 'deny');
    expect(await denying.decide(FILES, 'main.ts', ASKED)).toEqual([]);
    expect(await denying.decide(FILES, 'main.ts', ASKED)).toEqual([]);
    expect(denied).toHaveLength(1);
    const closing = new NetworkConsent(memoryDecisions());
    const closed = answering(closing, 'dismiss');
    expect(await closing.decide(FILES, 'main.ts', ASKED)).toEqual([]);
    expect(await closing.decide(FILES, 'main.ts', ASKED)).toEqual([]);
    expect(closed).toHaveLength(2);
  });

  it('[C-NET1] asks only about patterns not decided yet; a replaced question is refused', async () => {
    const consent = new NetworkConsent(memoryDecisions());
    const shown = answering(consent, 'allow');
    await consent.decide(FILES, 'main.ts', ['https://a.example.com']);
    expect(await consent.decide(FILES, 'main.ts', ['https://a.example.com', 'https://b.example.com'])).toEqual([
      'https://a.example.com',
      'https://b.example.com',
    ]);
    expect(shown).toEqual([['https://a.example.com'], ['https://b.example.com']]);
    const waiting = new NetworkConsent(memoryDecisions());
    const first = waiting.decide(FILES, 'main.ts', ASKED);
    await new Promise((r) => setTimeout(r, 0));
    waiting.dismiss();
    expect(await first).toEqual([]);
    expect(waiting.getSnapshot()).toBeUndefined();
  });

  it('[C-URL2] what the sandbox lists is parsed again: invalid patterns are dropped, none asks nothing', async () => {
    expect(
      cleanPatterns(['https://u:p@a.com', 'data:x', 42, 'https://a.com/x?q', 'https://A.com', 'https://a.com']),
    ).toEqual(['https://a.com']);
    const consent = new NetworkConsent(memoryDecisions());
    const shown = answering(consent, 'allow');
    expect(await consent.decide(FILES, 'main.ts', ['javascript:alert(1)'])).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('keys decisions by a SHA-256 of the files; localStorage records that are not ours read as no decision', async () => {
    expect(await playgroundKey(FILES, 'main.ts')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await playgroundKey({ b: '1', a: '2' }, 'a')).toBe(await playgroundKey({ a: '2', b: '1' }, 'a'));
    const records = new Map<string, string>();
    const storage = {
      getItem: (k: string) => records.get(k) ?? null,
      setItem: (k: string, v: string) => void records.set(k, v),
    } as Storage;
    const decisions = localDecisions(storage);
    decisions.write('k', { allow: ['https://a.com'], deny: [] });
    expect(localDecisions(storage).read('k')).toEqual({ allow: ['https://a.com'], deny: [] });
    records.set(DECISIONS_KEY, JSON.stringify([['k', { allow: 'https://a.com', deny: [] }]]));
    expect(decisions.read('k')).toBeUndefined();
    records.set(DECISIONS_KEY, '{not json');
    expect(decisions.read('k')).toBeUndefined();
  });
});
