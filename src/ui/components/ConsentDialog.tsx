import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { NetworkConsent } from '../state/consent';

/**
 * The question before a run whose code asks for the network (C-NET1): each URL pattern, as the URL
 * parser reads it, and Allow or Deny. Deny has the focus, so a stray Enter refuses; Escape and
 * closing refuse this run without remembering. A modal dialog: nothing else on the page can be
 * used until it is answered, and a link's run waits for it.
 */
export function ConsentDialog({ consent }: { consent: NetworkConsent }) {
  const prompt = useSyncExternalStore(consent.subscribe, consent.getSnapshot);
  const ref = useRef<HTMLDialogElement>(null);
  const deny = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (prompt && !d.open) {
      d.showModal();
      deny.current?.focus();
    } else if (!prompt && d.open) d.close();
  }, [prompt]);

  return (
    <dialog
      ref={ref}
      className="consent-dialog"
      aria-labelledby="consent-title"
      aria-describedby="consent-why"
      onCancel={(e) => {
        e.preventDefault();
        consent.respond('dismiss');
      }}
    >
      {prompt && (
        <>
          <h2 id="consent-title">Allow network access?</h2>
          <p id="consent-why" className="consent-note">
            The code of this playground asks to send requests to these addresses from your browser. Allow only if you
            trust it: what it sends and receives is up to its author. Your cookies and logins are never sent.
          </p>
          <ul className="consent-urls" aria-label="Addresses asked for">
            {prompt.patterns.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
          <p className="consent-hint">
            <code>/...</code> means every address below that path. Your answer is remembered for this code.
          </p>
          <div className="consent-actions">
            <button type="button" ref={deny} onClick={() => consent.respond('deny')}>
              Deny
            </button>
            <button type="button" className="primary" onClick={() => consent.respond('allow')}>
              Allow
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
