/** Props of the file tabs. */
export interface FileTabsProps {
  /** File names, in order. */
  files: readonly string[];
  /** The file on screen. */
  active: string;
  /** The file `Run` starts (it cannot be removed). */
  main: string;
  /** No adding or removing. */
  readOnly: boolean;
  /** Shows a file. */
  onSelect?: (file: string) => void;
  /** Adds a file. */
  onAdd?: () => void;
  /** Removes a file. */
  onRemove?: (file: string) => void;
}

/** A tab per file, arrow keys move between them; `+` adds a file, `×` removes one. */
export function FileTabs({ files, active, main, readOnly, onSelect, onAdd, onRemove }: FileTabsProps) {
  const move = (delta: number): void => {
    const i = files.indexOf(active);
    const next = files[(i + delta + files.length) % files.length];
    if (next) onSelect?.(next);
  };
  return (
    <div className="file-tabs">
      <div
        role="tablist"
        aria-label="Files"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            e.preventDefault();
            move(e.key === 'ArrowRight' ? 1 : -1);
          }
        }}
      >
        {files.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            aria-selected={f === active}
            tabIndex={f === active ? 0 : -1}
            className={f === active ? 'tab active' : 'tab'}
            onClick={() => onSelect?.(f)}
            title={f === main ? `${f} (runs first)` : f}
          >
            {f}
            {f === main && (
              // a play mark, not a dot: a dot on a tab reads as "unsaved"
              <span className="main-mark" aria-hidden="true">
                {' '}
                ▶
              </span>
            )}
          </button>
        ))}
      </div>
      {!readOnly && onRemove && active !== main && (
        <button type="button" className="tab-action" onClick={() => onRemove(active)} aria-label={`Remove ${active}`}>
          ×
        </button>
      )}
      {!readOnly && onAdd && (
        <button type="button" className="tab-action" onClick={onAdd} aria-label="Add a file" title="Add a file">
          +
        </button>
      )}
    </div>
  );
}
