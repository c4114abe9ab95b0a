import { useId, useState } from 'react';
import type { DraftInfo } from '../state/drafts';

/** Props of the drafts menu. */
export interface DraftsMenuProps {
  /** Work set aside, newest first. */
  drafts: readonly DraftInfo[];
  /** Brings a draft back. */
  onRestore: (key: string) => void;
}

const when = (ms: number): string => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** The work that links, files and drafts replaced, one click from coming back. */
export function DraftsMenu({ drafts, onRestore }: DraftsMenuProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="menu" onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), setOpen(false))}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        disabled={drafts.length === 0}
      >
        Drafts{drafts.length > 0 ? ` (${drafts.length})` : ''}
      </button>
      {open && (
        <ul className="menu-list" id={id} aria-label="Drafts">
          {drafts.map((d) => (
            <li key={d.key}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  onRestore(d.key);
                }}
              >
                <span className="draft-title">{d.title}</span>
                <span className="draft-time">{when(d.savedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
