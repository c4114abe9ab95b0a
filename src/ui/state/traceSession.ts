import type { RunResponse } from '../../protocol/run';
import { userText } from '../share/errors';
import { looksLikeTraceFile, parseTraceFile } from '../share/traceImport';
import type { PlaygroundDoc } from './doc';
import type { Banner } from './session';

export { looksLikeTraceFile };

/** What opening a trace file needs of the session. */
export interface TraceSessionHooks {
  /** Keeps the current work as a draft before it is replaced; resolves with the draft's key. */
  setAside(next: PlaygroundDoc): Promise<string | undefined>;
  /** Re-reads the drafts list. */
  refreshDrafts(): Promise<void>;
  /** Shows a banner. */
  banner(banner: Banner): void;
}

/** The part of the store a recorded run is loaded into. */
export interface RecordedRunTarget {
  /** Replaces the work. */
  load(doc: PlaygroundDoc): void;
  /** Shows a run's response as if the page had just run it. */
  showRecorded(response: RunResponse): void;
}

/**
 * Opens a trace file on top of the work, like a file: the work it replaces becomes a draft, and the
 * recorded run is shown at its first step (or its failure), ready to step through, without running it
 * again. A file that is not a good trace file shows why and changes nothing.
 */
export async function openTraceFile(file: Blob, store: RecordedRunTarget, hooks: TraceSessionHooks): Promise<boolean> {
  const parsed = parseTraceFile(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) {
    hooks.banner({ kind: 'error', subject: 'file', code: parsed.error.code, text: userText(parsed.error) });
    return false;
  }
  const draftKey = await hooks.setAside(parsed.value.doc);
  hooks.banner({ kind: 'opened', text: 'Opened the recorded run', draftKey });
  await hooks.refreshDrafts();
  store.load(parsed.value.doc);
  store.showRecorded(parsed.value.response);
  return true;
}
