import { useEffect, useRef, useState } from 'react';
import { COMFORTABLE_LINK_CHARS } from './limits';

/** What the Share dialog shows. */
export interface ShareContent {
  /** The full link. */
  url: string;
  /** The `<iframe>` snippet for tutorials. */
  embedHtml: string;
  /** Whether the link was put on the clipboard; a string says why not. */
  copied: true | string | undefined;
}

/** Props of the Share dialog. */
export interface ShareDialogProps {
  /** The link and how copying went. */
  content: ShareContent;
  /** Copies the link again. */
  onCopy: () => void;
  /** Downloads the playground as a `.stepgraph.json` file. */
  onDownload: () => void;
  /** Closes the dialog. */
  onClose: () => void;
}

/** The link in a field that can be selected, a Copy button, the embed snippet; a file when too long. */
export function ShareDialog({ content, onCopy, onDownload, onClose }: ShareDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [showEmbed, setShowEmbed] = useState(false);
  const tooLong = content.url.length > COMFORTABLE_LINK_CHARS;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    field.current?.select();
  }, []);

  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <h2 id="share-title">Share</h2>
      {tooLong ? (
        <p className="share-note" role="note">
          This playground makes a link of {content.url.length.toLocaleString('en')} characters, past the{' '}
          {COMFORTABLE_LINK_CHARS.toLocaleString('en')} that links carry comfortably. Download it as a file and send
          that instead; <em>Import</em> opens it.
        </p>
      ) : (
        <p className="share-note">
          Anyone who opens this link gets this code, graph, seed and step. Nothing is uploaded: it all lives in the
          link.
        </p>
      )}
      {!tooLong && (
        <div className="share-row">
          <input
            ref={field}
            className="share-link"
            readOnly
            value={content.url}
            aria-label="Share link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="primary" onClick={onCopy}>
            Copy
          </button>
        </div>
      )}
      <p className="share-status" role="status">
        {content.copied === true ? 'Link copied to the clipboard.' : (content.copied ?? '')}
      </p>
      {tooLong && (
        <button type="button" className="primary" onClick={onDownload}>
          Download .stepgraph.json
        </button>
      )}
      {!tooLong && (
        <details open={showEmbed} onToggle={(e) => setShowEmbed(e.currentTarget.open)}>
          <summary>Embed in a tutorial</summary>
          <textarea
            className="share-embed"
            readOnly
            rows={3}
            value={content.embedHtml}
            aria-label="Embed code"
            onFocus={(e) => e.currentTarget.select()}
          />
        </details>
      )}
      <div className="share-actions">
        {!tooLong && (
          <button type="button" onClick={onDownload}>
            Download file
          </button>
        )}
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
