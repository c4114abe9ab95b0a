import { sameWork, type PlaygroundDoc } from './doc';
import { readSaved, type Drafts } from './drafts';
import type { SavedWork, WorkStorage } from './storage';
import type { PlaygroundStore } from './store';

/** Where the autosave is: shown in the toolbar so that a person (and a test) knows the work is kept. */
export type SaveStatus = 'saved' | 'pending' | 'failed';

/** The storage key of the work in progress. */
export const CURRENT = 'current';

/** What an autosave needs besides the store and the storage. */
export interface AutosaveOptions {
  /** This page's id, written with each save (a random id per page load). */
  owner: string;
  /** The record this page restored, if any: the page may replace it without keeping it. */
  loaded: SavedWork | undefined;
  /** Where another tab's work goes when this page's save replaces it. */
  drafts: Drafts;
  /** The save's state changed. */
  onStatus: (s: SaveStatus) => void;
  /** Another tab's work was kept as a draft. */
  onKeptOther: () => void;
  /** Pause after the last change before saving. */
  delayMs?: number;
  /** The clock that stamps saves. */
  now?: () => number;
}

/**
 * Saves the store's work a short while after each change (typing makes many changes a second),
 * and at once when the page is hidden or closed. Only work is watched: a new trace or a step
 * saves nothing (a reload restores the work without running it, so there is no step to go back to).
 *
 * Two tabs share the one autosave record. Each save swaps the record atomically; when what it
 * replaced was written by another tab since this page last wrote or loaded it, that work is kept as
 * a draft: the last save wins the record, and nothing either tab saved is lost.
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: PlaygroundDoc;
  /** The record this page wrote last (or restored): replacing it needs no draft. */
  private written: SavedWork | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly storage: WorkStorage,
    private readonly options: AutosaveOptions,
  ) {
    this.last = store.doc();
    this.written = options.loaded;
    this.unsubscribe = store.subscribe(() => this.changed());
  }

  private changed(): void {
    const doc = this.store.doc();
    const l = this.last;
    this.last = doc;
    const same =
      doc.files === l.files &&
      doc.graph === l.graph &&
      doc.settings === l.settings &&
      doc.layout === l.layout &&
      doc.mainFile === l.mainFile &&
      doc.breakpoints === l.breakpoints;
    if (same) return;
    this.options.onStatus('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? 300);
  }

  /** Saves now if a change is waiting. */
  async flush(): Promise<void> {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const saved: SavedWork = { doc: this.last, savedAt: (this.options.now ?? Date.now)(), owner: this.options.owner };
    try {
      const replaced = readSaved(await this.storage.swap(CURRENT, saved));
      const mine = this.written;
      this.written = saved;
      const other =
        replaced !== undefined &&
        (mine === undefined || replaced.owner !== mine.owner || replaced.savedAt !== mine.savedAt);
      if (other && !sameWork(replaced.doc, saved.doc)) {
        await this.options.drafts.keepOtherTab(replaced);
        this.options.onKeptOther();
      }
      // a newer change may have been scheduled meanwhile: only that one may say "saved"
      if (this.timer === undefined) this.options.onStatus('saved');
    } catch {
      this.options.onStatus('failed');
    }
  }

  /** Stops watching (a pending save is flushed first). */
  async dispose(): Promise<void> {
    this.unsubscribe();
    await this.flush();
  }
}
