import type { PlaygroundDoc } from './doc';

/** A piece of work as the browser keeps it. */
export interface SavedWork {
  /** The work. */
  doc: PlaygroundDoc;
  /** When it was saved, ms since the epoch (for the drafts menu). */
  savedAt: number;
  /** The page that saved it (a random id per page load): tells one tab's autosave from another's. */
  owner?: string;
}

/**
 * Where work is kept between visits: IndexedDB in the page, an in-memory map in tests. Small on
 * purpose, so that the autosave and the drafts can be tested without a browser.
 */
export interface WorkStorage {
  /** The record under `key`, or undefined. */
  get(key: string): Promise<unknown>;
  /** Stores `value` under `key`, replacing what was there. */
  put(key: string, value: SavedWork): Promise<void>;
  /** Stores `value` under `key` and returns what was there, in one step no other tab can come between. */
  swap(key: string, value: SavedWork): Promise<unknown>;
  /** Removes the record under `key`, if any. */
  delete(key: string): Promise<void>;
  /** Every record whose key starts with `prefix`. */
  list(prefix: string): Promise<Array<{ key: string; value: unknown }>>;
}

/** A WorkStorage in memory: for tests, and for a page where IndexedDB is unavailable. */
export class MemoryStorage implements WorkStorage {
  /** The records, cloned in and out as IndexedDB would. */
  readonly records = new Map<string, unknown>();

  async get(key: string): Promise<unknown> {
    return structuredClone(this.records.get(key));
  }

  async put(key: string, value: SavedWork): Promise<void> {
    this.records.set(key, structuredClone(value));
  }

  async swap(key: string, value: SavedWork): Promise<unknown> {
    const old = this.records.get(key);
    this.records.set(key, structuredClone(value));
    return structuredClone(old);
  }

  async delete(key: string): Promise<void> {
    this.records.delete(key);
  }

  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    return [...this.records]
      .filter(([k]) => k.startsWith(prefix))
      .map(([key, value]) => ({ key, value: structuredClone(value) }));
  }
}
