import { decodeLink } from '../share/codec';
import { err } from '../../shared/result';
import { shareError, userText, type ShareError, type ShareErrorCode } from '../share/errors';
import { LIMITS } from '../share/limits';
import { fileNameFor, parseFile, toFile } from '../share/file';
import { looksLikeTraceFile, openTraceFile } from './traceSession';
import { graphDownload, isPlaygroundFile, readGraphFile, type GraphFileError } from '../share/graphFile';
import type { FormatId } from '../../formats';
import { Autosave, CURRENT, type SaveStatus } from './autosave';
import { sameWork, titleOf, type PlaygroundDoc } from './doc';
import { Drafts, readSaved, type DraftInfo } from './drafts';
import type { WorkStorage } from './storage';
import type { PlaygroundStore } from './store';

/** The message at the top of the page. */
export type Banner =
  /** A link, file or draft that could not be opened (`subject`): nothing else changed. */
  | { kind: 'error'; subject: 'link' | 'file' | 'draft'; text: string; code: ShareErrorCode | GraphFileError['code'] }
  /** Work was replaced (a link, a file, a draft); `draftKey` is where the previous work went. */
  | { kind: 'opened'; text: string; draftKey: string | undefined };

/** What the page shows about the person's work. */
export interface SessionState {
  /** The banner, if any. */
  banner: Banner | undefined;
  /** Work set aside, newest first. */
  drafts: readonly DraftInfo[];
  /** The autosave's state; `off` in an embed, which never touches saved work. */
  save: SaveStatus | 'off';
}

/**
 * The person's work across visits: restores the autosave, opens links and files on top of it
 * without losing it (it becomes a draft), and restores drafts. Without storage (an embed) it only
 * opens links. Outside React, like the store.
 */
export class WorkSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly drafts: Drafts | undefined;
  private autosave: Autosave | undefined;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly storage: WorkStorage | undefined,
    /** The work a first visit starts with: setting it aside would keep nothing of the person's. */
    private readonly starter: PlaygroundDoc,
    private readonly now: () => number = Date.now,
    /** This page's id in saved records: tells its autosave from another tab's. */
    private readonly owner: string = crypto.randomUUID(),
  ) {
    this.drafts = storage ? new Drafts(storage, now) : undefined;
    this.state = { banner: undefined, drafts: [], save: storage ? 'saved' : 'off' };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Loads the autosaved work, if any, then keeps saving. Call once, before opening a link. */
  async restore(): Promise<void> {
    if (!this.storage) return;
    const saved = readSaved(await this.storage.get(CURRENT).catch(() => undefined));
    if (saved) this.store.load({ ...saved.doc, step: 0 });
    await this.refreshDrafts();
    if (!this.drafts) return;
    this.autosave = new Autosave(this.store, this.storage, {
      owner: this.owner,
      loaded: saved,
      drafts: this.drafts,
      onStatus: (save) => this.set({ save }),
      onKeptOther: () => void this.refreshDrafts(),
      now: this.now,
    });
  }

  /**
   * Opens a link's fragment: runs it at its step, or shows why not and changes nothing.
   * `onAccepted` is called once the link is loaded, before its run ends (the page clears its hash).
   */
  async openFragment(fragment: string, onAccepted?: () => void): Promise<boolean> {
    return this.openResult(decodeLink(fragment), 'link', onAccepted);
  }

  /**
   * Opens a file (or its text): an exported `.stepgraph.json` like a link, a graph file in any format
   * (src/formats/) as the graph the code runs on. A huge file is not even read; a malformed one
   * changes nothing and says why, naming the line or element.
   */
  async importFile(file: Blob | string, name = file instanceof File ? file.name : ''): Promise<boolean> {
    // a run recorded headlessly (`stepgraph run --trace-file`): opened to be stepped through, not run
    if (typeof file !== 'string' && (await looksLikeTraceFile(file)))
      return openTraceFile(file, this.store, {
        setAside: (doc) => this.setAside(doc),
        refreshDrafts: () => this.refreshDrafts(),
        banner: (banner) => this.set({ banner }),
      });
    if (typeof file !== 'string' && file.size > LIMITS.docBytes) {
      const sentence = `This file is larger than ${LIMITS.docBytes / 1024 / 1024} MB, more than a playground may hold.`;
      return this.openResult(err(shareError('SHARE_TOO_LARGE', 'importFile', sentence)), 'file');
    }
    const text = typeof file === 'string' ? file : await file.text();
    if (isPlaygroundFile(text, name)) return this.openResult(parseFile(text), 'file');
    return this.importGraph(text, name);
  }

  /** Puts a graph file's graph under the current code; the work it replaces becomes a draft. */
  private async importGraph(text: string, name: string): Promise<boolean> {
    const read = readGraphFile(text, name);
    if (!read.ok) {
      this.set({ banner: { kind: 'error', subject: 'file', code: read.error.code, text: read.error.text } });
      return false;
    }
    const { graph, title } = read.value;
    const draftKey = await this.setAside({ ...this.store.doc(), graph, layout: 'preset' });
    const what = `${graph.nodes.length} node${graph.nodes.length === 1 ? '' : 's'}, ${graph.edges.length} edge${graph.edges.length === 1 ? '' : 's'}`;
    this.set({
      banner: { kind: 'opened', text: `Imported the graph${name ? ` “${name}”` : ''} (${title}, ${what})`, draftKey },
    });
    await this.refreshDrafts();
    this.store.setGraph(graph);
    return true;
  }

  /** The work as a `.stepgraph.json` file. */
  exportFile(): { name: string; text: string } {
    const doc = this.store.doc();
    return { name: fileNameFor(titleOf(doc)), text: toFile(doc) };
  }

  /** The graph as a file in one of the formats (src/formats/). */
  exportGraph(format: FormatId): { name: string; text: string; mime: string } {
    return graphDownload(this.store.doc().graph, format, 'graph');
  }

  /** Brings a draft back; the work it replaces becomes a draft in turn. */
  async restoreDraft(key: string): Promise<void> {
    const doc = await this.drafts?.get(key);
    if (!doc) {
      this.set({
        banner: {
          kind: 'error',
          subject: 'draft',
          code: 'SHARE_BAD_SHAPE',
          text: 'It was written by another version of Stepgraph.',
        },
      });
      await this.refreshDrafts();
      return;
    }
    const draftKey = await this.setAside(doc);
    await this.drafts?.remove(key);
    this.store.load(doc);
    this.set({ banner: { kind: 'opened', text: `Restored “${titleOf(doc)}”`, draftKey } });
    await this.refreshDrafts();
  }

  /** Hides the banner. */
  dismiss(): void {
    this.set({ banner: undefined });
  }

  /** Opens a sample and runs it; the work it replaces is kept as a draft first, one click away. */
  async openSample(doc: PlaygroundDoc, title: string): Promise<void> {
    const draftKey = await this.setAside(doc);
    this.set({ banner: draftKey ? { kind: 'opened', text: `Opened the sample “${title}”`, draftKey } : undefined });
    await this.refreshDrafts();
    await this.store.open(doc);
  }

  /** Saves a pending change now (the page is being hidden or closed). */
  async flush(): Promise<void> {
    await this.autosave?.flush();
  }

  private async openResult(
    result: { ok: true; value: PlaygroundDoc } | { ok: false; error: ShareError },
    subject: 'link' | 'file',
    onAccepted?: () => void,
  ): Promise<boolean> {
    if (!result.ok) {
      this.set({ banner: { kind: 'error', subject, code: result.error.code, text: userText(result.error) } });
      return false;
    }
    const draftKey = await this.setAside(result.value);
    this.set({
      banner: { kind: 'opened', text: subject === 'link' ? 'Opened a shared link' : 'Imported the file', draftKey },
    });
    await this.refreshDrafts();
    const running = this.store.open(result.value);
    onAccepted?.();
    await running;
    return true;
  }

  /** Keeps the current work as a draft unless `next` holds the same, or it is the untouched starter. */
  private async setAside(next: PlaygroundDoc): Promise<string | undefined> {
    const current = this.store.doc();
    if (!this.drafts || sameWork(current, next) || sameWork(current, this.starter)) return undefined;
    return this.drafts.add(current);
  }

  private async refreshDrafts(): Promise<void> {
    if (this.drafts) this.set({ drafts: await this.drafts.list() });
  }
}
