import { validateDoc } from '../share/validate';
import type { PlaygroundDoc } from './doc';
import { titleOf } from './doc';
import type { SavedWork, WorkStorage } from './storage';

/** A piece of work set aside, as the drafts menu lists it. */
export interface DraftInfo {
  /** Storage key. */
  key: string;
  /** First line of its main file. */
  title: string;
  /** When it was set aside, ms since the epoch. */
  savedAt: number;
}

const PREFIX = 'draft:';
/** Drafts kept; older ones are dropped when more are set aside. */
export const MAX_DRAFTS = 20;

/** Reads a stored record back, strictly: storage written by another version may not fit. */
export function readSaved(value: unknown): SavedWork | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { doc, savedAt, owner } = value as { doc?: unknown; savedAt?: unknown; owner?: unknown };
  const checked = validateDoc(doc);
  if (!checked.ok || typeof savedAt !== 'number') return undefined;
  return { doc: checked.value, savedAt, ...(typeof owner === 'string' ? { owner } : {}) };
}

/** Work set aside when a link or a file replaced it: nothing the person wrote is ever dropped silently. */
export class Drafts {
  private counter = 0;

  constructor(
    private readonly storage: WorkStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets `doc` aside; returns its key. */
  async add(doc: PlaygroundDoc): Promise<string> {
    const savedAt = this.now();
    const key = `${PREFIX}${String(savedAt).padStart(15, '0')}-${this.counter++}`;
    await this.storage.put(key, { doc, savedAt });
    const all = await this.list();
    await Promise.all(all.slice(MAX_DRAFTS).map((d) => this.storage.delete(d.key)));
    return key;
  }

  /**
   * Keeps another tab's autosave that this tab's is about to replace. One draft per tab, replaced
   * each time: two tabs saving in turn keep each other's latest work without filling the menu.
   */
  async keepOtherTab(saved: SavedWork): Promise<string> {
    const key = `${PREFIX}tab-${saved.owner ?? 'unknown'}`;
    await this.storage.put(key, saved);
    return key;
  }

  /** Drafts, newest first. */
  async list(): Promise<DraftInfo[]> {
    const records = await this.storage.list(PREFIX);
    return records
      .flatMap(({ key, value }) => {
        const saved = readSaved(value);
        return saved ? [{ key, title: titleOf(saved.doc), savedAt: saved.savedAt }] : [];
      })
      .sort((a, b) => b.savedAt - a.savedAt || b.key.localeCompare(a.key));
  }

  /** A draft's work, or undefined when it is gone or unreadable. */
  async get(key: string): Promise<PlaygroundDoc | undefined> {
    return readSaved(await this.storage.get(key))?.doc;
  }

  /** Removes a draft. */
  async remove(key: string): Promise<void> {
    await this.storage.delete(key);
  }
}
