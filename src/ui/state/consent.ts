import { parseUrlPattern } from '../../shared/urlPattern';

/** What the person decided about one playground's URL patterns. */
export interface NetworkDecision {
  /** Patterns approved: runs of this playground may reach them. */
  allow: string[];
  /** Patterns refused: runs of this playground are not asked again about them. */
  deny: string[];
}

/**
 * Where decisions are kept, by playground key. The page's `localStorage`: no worker can read it and
 * the sandboxed frame that runs scripts has an origin of its own, so no script can read or forge a
 * decision. An embed keeps them in memory (it never writes the reader's storage).
 */
export interface DecisionStorage {
  /** The decision under `key`, if any. */
  read(key: string): NetworkDecision | undefined;
  /** Keeps a decision under `key`. */
  write(key: string, decision: NetworkDecision): void;
}

/** The question on screen: may this playground's code reach these URL patterns? */
export interface ConsentPrompt {
  /** The patterns asked for and not decided yet, as the URL parser normalized them. */
  patterns: readonly string[];
}

/** The person's answer: `dismiss` (Escape, closing) refuses for this run only and is not remembered. */
export type ConsentAnswer = 'allow' | 'deny' | 'dismiss';

/** Key of a playground's decisions: a SHA-256 of its files, so a decision holds for exactly this code. */
export async function playgroundKey(files: Readonly<Record<string, string>>, main: string): Promise<string> {
  const text = JSON.stringify([main, Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  const subtle = globalThis.crypto?.subtle;
  // without WebCrypto (a page served over plain http from another machine) the text itself is the key, in memory only
  if (!subtle) return `text:${text}`;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The patterns of an inspection, parsed again on the page (the sandbox's word is not trusted): valid ones, normalized, once each. */
export function cleanPatterns(asked: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const p of asked) {
    const parsed = typeof p === 'string' ? parseUrlPattern(p) : undefined;
    if (parsed?.ok && !out.includes(parsed.value.text)) out.push(parsed.value.text);
  }
  return out;
}

/**
 * The person's consent to network access, outside React like the store: asks before a run whose
 * playground wants URL patterns not decided yet, remembers Allow and Deny per playground, and
 * answers which patterns the run may reach. Nothing is approved without the person: a link's run
 * waits for the answer, and closing the question refuses.
 */
export class NetworkConsent {
  private prompt: ConsentPrompt | undefined;
  private answer: ((a: ConsentAnswer) => void) | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: DecisionStorage) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConsentPrompt | undefined => this.prompt;

  /** The patterns of `asked` a run of this playground may reach: asks the person about those not decided yet. */
  async decide(files: Readonly<Record<string, string>>, main: string, asked: readonly unknown[]): Promise<string[]> {
    const patterns = cleanPatterns(asked);
    if (patterns.length === 0) return [];
    const key = await playgroundKey(files, main);
    const known = this.storage.read(key) ?? { allow: [], deny: [] };
    const open = patterns.filter((p) => !known.allow.includes(p) && !known.deny.includes(p));
    if (open.length > 0) {
      const answer = await this.ask(open);
      if (answer !== 'dismiss') {
        const decided = { allow: [...known.allow], deny: [...known.deny] };
        decided[answer].push(...open);
        this.storage.write(key, decided);
        known.allow = decided.allow;
      }
    }
    return patterns.filter((p) => known.allow.includes(p));
  }

  /** Forgets what was decided about this playground: its next run asks again. */
  async forget(files: Readonly<Record<string, string>>, main: string): Promise<void> {
    this.storage.write(await playgroundKey(files, main), { allow: [], deny: [] });
  }

  /** Answers the question on screen. */
  respond(answer: ConsentAnswer): void {
    const resolve = this.answer;
    this.answer = undefined;
    this.set(undefined);
    resolve?.(answer);
  }

  /** Takes the question off the screen (the work it was about was replaced): refused, not remembered. */
  dismiss(): void {
    this.respond('dismiss');
  }

  private ask(patterns: string[]): Promise<ConsentAnswer> {
    this.dismiss();
    return new Promise((resolve) => {
      this.answer = resolve;
      this.set({ patterns });
    });
  }

  private set(prompt: ConsentPrompt | undefined): void {
    this.prompt = prompt;
    for (const l of this.listeners) l();
  }
}
