import { useRef } from 'react';
import type { SessionState, WorkSession } from '../state/session';
import { FORMATS, type FormatId } from '../../formats';
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
/** What Import offers to open: a playground, or a graph file in any format. */
const ACCEPT = ['.stepgraph.json', '.sgtrace', ...new Set(FORMATS.flatMap((f) => f.extensions))].join(',');
const FORMAT_NAMES = FORMATS.map((f) => f.title).join(', ');

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
      <button
        type="button"
        onClick={() => picker.current?.click()}
        title={`Open a .stepgraph.json playground, or a graph file to run the code on: ${FORMAT_NAMES}`}
      >
        Import
      </button>
      <input
        ref={picker}
        type="file"
        accept={ACCEPT}
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
      <select
        aria-label="Export graph"
        value=""
        title="Download the graph as a file other tools read"
        onChange={(e) => {
          const f = session.exportGraph(e.currentTarget.value as FormatId);
          download(f.name, f.text, f.mime);
        }}
      >
        <option value="" disabled>
          Export graph…
        </option>
        {FORMATS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title} ({f.extensions[0]})
          </option>
        ))}
      </select>
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
