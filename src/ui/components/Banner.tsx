import type { Banner as BannerState } from '../state/session';

/** Props of the banner. */
export interface BannerProps {
  /** What to say. */
  banner: BannerState;
  /** Brings back the work a link or a file replaced. */
  onRestore: (draftKey: string) => void;
  /** Hides the banner. */
  onDismiss: () => void;
}

/** A message above the workspace: an alert for a link that could not open, a note when work was replaced. */
export function Banner({ banner, onRestore, onDismiss }: BannerProps) {
  const error = banner.kind === 'error';
  return (
    <div
      className={`banner ${error ? 'error' : 'info'}`}
      role={error ? 'alert' : 'status'}
      data-code={error ? banner.code : undefined}
    >
      <p>
        {error ? (
          <>
            <strong>This {banner.subject} could not be opened.</strong> {banner.text} Nothing else was changed.
          </>
        ) : (
          <>
            {banner.text}.{banner.draftKey ? ' Your previous work is kept in Drafts.' : ''}
          </>
        )}
      </p>
      {!error && banner.draftKey && (
        <button type="button" onClick={() => onRestore(banner.draftKey ?? '')}>
          Restore your previous work
        </button>
      )}
      <button type="button" className="dismiss" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
