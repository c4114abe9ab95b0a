import { CONTROL, CONTROL_LENGTH, RUN_STATE } from '../shared/control';
import { DEFAULT_SETTINGS } from '../protocol/run';
import { sandboxRelay, type RelaySettings } from './sandboxRelay';

/** How often the relay reads the control block during a run (K-CTL3: progress under 50 ms old). */
const POLL_MS = 40;

/**
 * The Content-Security-Policy of the sandbox's document, which its worker inherits: no network of
 * any kind (`default-src 'none'` covers connect, img, font, media, frame, object, style, manifest),
 * scripts only from the relay's nonce, blob: URLs (the worker and the runtime the page hands over)
 * and `scriptOrigins`, which only the dev server needs (its modules are compiled on demand and
 * loaded by URL). `'unsafe-eval'` because the engine compiles the user's code.
 */
export function sandboxPolicy(nonce: string, scriptOrigins: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' blob: 'unsafe-eval'${scriptOrigins.map((o) => ` ${o}`).join('')}`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The relay's settings, from the modules the engine uses too. */
const RELAY: RelaySettings = {
  control: CONTROL,
  controlLength: CONTROL_LENGTH,
  running: RUN_STATE.RUNNING,
  ended: RUN_STATE.ENDED,
  pollMs: POLL_MS,
  defaultTimeLimitMs: DEFAULT_SETTINGS.timeLimitMs,
  // K-CTL5: a run that ignores its limit ends within a second of it, whatever the page is doing
  slackMs: 1000,
  stopGraceMs: 250,
};

/**
 * The sandbox's whole document, for an iframe's `srcdoc`: the policy first, then the relay. A srcdoc
 * document is never fetched, so no server (and no dev-server transform, which would add its HMR
 * client) has a say in what it holds.
 */
export function sandboxDocument(nonce: string, scriptOrigins: readonly string[] = []): string {
  const relay = `(${sandboxRelay.toString()})(${JSON.stringify(RELAY)});`;
  if (/<\/script/i.test(relay)) throw new Error('client/sandboxDocument: the relay source cannot be inlined');
  return [
    '<!doctype html>',
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(nonce, scriptOrigins)}">`,
    `<script nonce="${nonce}">${relay}</script>`,
  ].join('\n');
}
