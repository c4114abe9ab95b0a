import { useRef } from 'react';
import type { SessionState, WorkSession } from '../state/session';
import { download } from '../share/download';
import { DraftsMenu } from './DraftsMenu';

/** Props of the work controls. */
export interface WorkActionsProps {
  /** The session that saves, imports and restores. */
  session: WorkSession;
  /** Its snapshot. */
  state: SessionState;
  /** The seed of the next runs. */
  seed: string;
  /** Changes the seed. */
  onSeed: (seed: string) => void;
  /** Opens the Share dialog. */
  onShare: () => void;
}

const SAVE_TEXT = { saved: 'Saved', pending: 'Saving…', failed: 'Not saved', off: '' } as const;

/** Seed, the autosave's state, drafts, import, export and Share. */
export function WorkActions({ session, state, seed, onSeed, onShare }: WorkActionsProps) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="work-actions">
      <label className="seed">
        Seed{' '}
        <input
          value={seed}
          onChange={(e) => onSeed(e.currentTarget.value)}
          aria-label="Seed"
          spellCheck={false}
          size={10}
        />
      </label>
      <span
        className={`save-status ${state.save}`}
        role="status"
        aria-label="Save status"
        title="Your work is saved in this browser as you type"
      >
        {SAVE_TEXT[state.save]}
      </span>
      <DraftsMenu drafts={state.drafts} onRestore={(k) => void session.restoreDraft(k)} />
      <button type="button" onClick={() => picker.current?.click()} title="Open a .stepgraph.json file">
        Import
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json,.sgtrace"
        hidden
        aria-label="Import file"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) await session.importFile(file);
        }}
      />
      <button
        type="button"
        onClick={() => {
          const f = session.exportFile();
          download(f.name, f.text);
        }}
        title="Save the whole playground as a .stepgraph.json file"
      >
        Export
      </button>
      <button
        type="button"
        className="primary"
        onClick={onShare}
        title="Make a link that opens this code, graph and step"
      >
        Share
      </button>
    </div>
  );
}
