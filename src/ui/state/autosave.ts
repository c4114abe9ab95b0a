import type { PlaygroundDoc } from './doc';
import type { WorkStorage } from './storage';
import type { PlaygroundStore } from './store';

/** Where the autosave is: shown in the toolbar so that a person (and a test) knows the work is kept. */
export type SaveStatus = 'saved' | 'pending' | 'failed';

/** The storage key of the work in progress. */
export const CURRENT = 'current';

/**
 * Saves the store's work a short while after each change (typing makes many changes a second),
 * and at once when the page is hidden or closed. Only work is watched: a new trace or a step
 * saves nothing (a reload restores the work without running it, so there is no step to go back to).
 */
export class Autosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: PlaygroundDoc;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly storage: WorkStorage,
    private readonly onStatus: (s: SaveStatus) => void,
    private readonly delayMs = 300,
    private readonly now: () => number = Date.now,
  ) {
    this.last = store.doc();
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
      doc.mainFile === l.mainFile;
    if (same) return;
    this.onStatus('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves now if a change is waiting. */
  async flush(): Promise<void> {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const doc = this.last;
    try {
      await this.storage.put(CURRENT, { doc, savedAt: this.now() });
      // a newer change may have been scheduled meanwhile: only that one may say "saved"
      if (this.timer === undefined) this.onStatus('saved');
    } catch {
      this.onStatus('failed');
    }
  }

  /** Stops watching (a pending save is flushed first). */
  async dispose(): Promise<void> {
    this.unsubscribe();
    await this.flush();
  }
}
