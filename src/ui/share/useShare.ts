import { useState } from 'react';
import { titleOf } from '../state/doc';
import type { PlaygroundStore } from '../state/store';
import type { WorkSession } from '../state/session';
import { encodeLink } from './codec';
import { download } from './download';
import { embedSnippet, shareUrl } from './links';
import { COMFORTABLE_LINK_CHARS } from './limits';
import type { ShareContent } from './ShareDialog';

/** What the page needs to share: open the dialog, and the dialog's state and actions. */
export interface Sharing {
  /** The dialog's content while it is open. */
  content: ShareContent | undefined;
  /** Makes the link, copies it, opens the dialog. */
  share: () => void;
  /** Copies the link again. */
  copy: () => void;
  /** Downloads the playground as a file. */
  downloadFile: () => void;
  /** Closes the dialog. */
  close: () => void;
}

const base = (): string => `${location.origin}${location.pathname}`;

/** The Share button's behaviour: a link in the fragment, on the clipboard and in a field. */
export function useShare(store: PlaygroundStore, session: WorkSession): Sharing {
  const [content, setContent] = useState<ShareContent | undefined>(undefined);

  const copyText = (url: string): void => {
    if (!navigator.clipboard) {
      setContent((c) => c && { ...c, copied: 'Select the link and copy it (this page cannot reach the clipboard).' });
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setContent((c) => (c?.url === url ? { ...c, copied: true } : c)),
      () =>
        setContent((c) =>
          c?.url === url ? { ...c, copied: 'Could not copy automatically: select the link and press Ctrl+C.' } : c,
        ),
    );
  };

  const share = (): void => {
    const doc = store.doc();
    const fragment = encodeLink(doc);
    const url = shareUrl(base(), fragment);
    setContent({ url, embedHtml: embedSnippet(base(), fragment, titleOf(doc)).html, copied: undefined });
    if (url.length <= COMFORTABLE_LINK_CHARS) copyText(url);
  };

  return {
    content,
    share,
    copy: () => content && copyText(content.url),
    downloadFile: () => {
      const file = session.exportFile();
      download(file.name, file.text);
    },
    close: () => setContent(undefined),
  };
}
