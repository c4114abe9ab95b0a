import type { PageMessage } from '../protocol/messages';
import { sandboxDocument } from './sandboxDocument';

/** The sandbox as the client sees it: somewhere to send messages, and a way to end it. */
export interface Sandbox {
  /** Sends a message into the sandbox (to its relay, which forwards it to the worker). */
  send(message: PageMessage): void;
  /** Ends the sandbox and its worker at once, whatever the worker is doing. */
  destroy(): void;
}

/** Makes a sandbox whose every incoming message goes to `receive`, unchecked: the client checks it. */
export type OpenSandbox = (receive: (data: unknown) => void) => Sandbox;

/** Where the runtime's code comes from: its text (built app) or the URL of its module (dev server). */
export type RuntimeSource = { code: Promise<string> } | { url: string };

const randomNonce = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * Opens the sandbox: a hidden iframe, `sandbox="allow-scripts"` without `allow-same-origin` (an
 * opaque origin: no storage, no cookies, no reach into the page), whose document carries a policy
 * that allows no network (`sandboxDocument.ts`) and `allow="cross-origin-isolated"`, so that it
 * shares memory with its worker. Removing the iframe ends its worker, however busy (the watchdog).
 */
export function openSandboxFrame(source: RuntimeSource, receive: (data: unknown) => void): Sandbox {
  const toWorker = new MessageChannel();
  const toRelay = new MessageChannel();
  toWorker.port1.onmessage = (e) => receive(e.data);
  toRelay.port1.onmessage = (e) => receive(e.data);
  // a message that cannot be deserialized (it carried something structured clone refuses) is refused too
  toWorker.port1.onmessageerror = () => receive(undefined);
  toRelay.port1.onmessageerror = () => receive(undefined);

  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('allow', 'cross-origin-isolated');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.title = 'Stepgraph script sandbox';
  frame.className = 'sandbox-frame';
  frame.style.display = 'none';
  const origins = 'url' in source ? [new URL(source.url).origin] : [];
  frame.srcdoc = sandboxDocument(randomNonce(), origins);

  let alive = true;
  frame.addEventListener(
    'load',
    () => {
      const boot = async (): Promise<void> => {
        const start = 'url' in source ? { url: source.url } : { code: await source.code };
        // the document is opaque-origin: no target origin names it, and it was made right here
        if (alive)
          frame.contentWindow?.postMessage({ type: 'sandbox/boot', ...start }, '*', [toWorker.port2, toRelay.port2]);
      };
      boot().catch((e: unknown) =>
        receive({ type: 'sandbox/failed', message: `the runtime could not be loaded: ${String(e)}` }),
      );
    },
    { once: true },
  );
  document.body.append(frame);

  return {
    send: (message) => {
      if (alive) toRelay.port1.postMessage(message);
    },
    destroy: () => {
      alive = false;
      frame.remove();
      toWorker.port1.close();
      toRelay.port1.close();
    },
  };
}
