// Reaching the network: the script's own `fetch` without consent, URL tricks against the permission
// check, and every other way a browser or Node can open a connection. Each aims at the listener,
// which must see nothing.
import { NOTHING, NOTHING_OR_FORBIDDEN, NOTHING_OR_REFUSED, probe } from '../prelude';
import type { HostileCase } from '../types';

/** The kernel refused the request: no permission, no consent, or no network in this host. */
const DENIED = { codes: ['PERMISSION_DENIED'] };
/** What the URL-trick cases' manifest asks for and their host grants (the executor's `--allow-net`). */
const API = 'https://api.example.com/...';

export const NETWORK_CASES: HostileCase[] = [
  {
    id: 'net-fetch-no-manifest',
    vector: '`fetch` of the listener without any manifest',
    files: { 'main.js': `await fetch('$LISTENER$/fetch');\nexport default 'reached';` },
    layer: 'kernel',
    also: ['page'],
    contained: DENIED,
    cli: true,
  },
  {
    id: 'net-fetch-self-granted',
    vector: 'a manifest grants itself `read` on the listener, with nobody’s consent (issue 9)',
    files: {
      'main.js': `export const manifest = { permissions: { read: ['graph', '$LISTENER$/...'] } };
await fetch('$LISTENER$/granted');
export default 'reached';`,
    },
    layer: 'kernel',
    also: ['page'],
    contained: DENIED,
  },
  {
    id: 'net-host-grant-no-manifest',
    vector: 'the host grants the listener but the script’s manifest does not ask for it',
    files: { 'main.js': `await fetch('$LISTENER$/host-granted');\nexport default 'reached';` },
    grants: ['$LISTENER$/...'],
    layer: 'kernel',
    also: ['page'],
    // the executor refuses a grant past its --allow-net before running anything
    contained: { codes: ['PERMISSION_DENIED', 'INIT_BAD_REQUEST'] },
  },
  {
    id: 'net-url-backslash',
    vector: 'manifest and host grant api.example.com; fetch `http://127.0.0.1:port\\@api.example.com/` (issue 9)',
    files: {
      'main.js': String.raw`export const manifest = { permissions: { read: ['graph', 'https://api.example.com/...'] } };
await fetch('http://127.0.0.1:$PORT$\\@api.example.com/');
export default 'reached';`,
    },
    grants: [API],
    layer: 'kernel',
    also: ['page'],
    contained: DENIED,
  },
  {
    id: 'net-url-userinfo',
    vector: 'manifest and host grant api.example.com; fetch `https://api.example.com@127.0.0.1:port/`',
    files: {
      'main.js': `export const manifest = { permissions: { read: ['graph', 'https://api.example.com/...'] } };
await fetch('https://api.example.com@127.0.0.1:$PORT$/');
export default 'reached';`,
    },
    grants: [API],
    layer: 'kernel',
    also: ['page'],
    contained: DENIED,
  },
  {
    id: 'net-fetch-recovered',
    vector: 'the host’s own `fetch` through every recovered global (function constructors, given objects, events)',
    files: probe(`
const candidates = [globalThis];
for (const x of [function () {}, async function () {}, graph, console.log, sleep]) {
  try {
    const F = typeof x === 'function' ? x.constructor : x.constructor.constructor;
    candidates.push(await unwrap(() => F('return this')()));
  } catch {}
}
try { addEventListener('x', (e) => candidates.push(e.currentTarget)); dispatchEvent(new Event('x')); } catch {}
const reached = [];
for (const g of candidates) {
  if (!g || g === globalThis || typeof g.fetch !== 'function') continue;
  reached.push('fetch');
  await settle(g.fetch('$LISTENER$/recovered'));
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_FORBIDDEN,
  },
  {
    id: 'net-xhr',
    vector: '`new XMLHttpRequest()` to the listener',
    files: probe(`
const reached = [];
try {
  const x = new XMLHttpRequest();
  x.open('GET', '$LISTENER$/xhr');
  x.send();
  reached.push('XMLHttpRequest');
} catch {}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-websocket',
    vector: '`new WebSocket()` to the listener',
    files: probe(`
const reached = [];
try { new WebSocket('ws://127.0.0.1:$PORT$/ws'); reached.push('WebSocket'); } catch {}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-eventsource',
    vector: '`new EventSource()` to the listener (issue 9)',
    files: probe(`
const reached = [];
try { new EventSource('$LISTENER$/sse'); reached.push('EventSource'); } catch {}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-send-beacon',
    vector: '`navigator.sendBeacon()` to the listener',
    files: probe(`
const reached = [];
try { if (navigator.sendBeacon('$LISTENER$/beacon', 'x')) reached.push('sendBeacon'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-import-scripts',
    vector: '`importScripts()` of the listener’s URL',
    files: probe(`
const reached = [];
try { importScripts('$LISTENER$/import-scripts.js'); reached.push('importScripts'); } catch (e) {
  if (typeof importScripts === 'function') reached.push('importScripts');
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-new-worker',
    vector: '`new Worker()` of the listener’s URL and of a blob whose code fetches it',
    files: probe(`
const reached = [];
try { new Worker('$LISTENER$/worker.js'); reached.push('Worker'); } catch {}
try {
  const code = "fetch('$LISTENER$/from-worker')";
  new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  reached.push('Worker(blob)');
} catch {}
await sleep(100);
export default report(reached);`),
    layer: 'compartment',
    also: ['page', 'process'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-shared-worker',
    vector: '`new SharedWorker()` of the listener’s URL',
    files: probe(`
const reached = [];
try { new SharedWorker('$LISTENER$/shared.js'); reached.push('SharedWorker'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-fontface',
    vector: '`new FontFace(…, url(listener)).load()` and the worker’s `fonts` (issue 9)',
    files: probe(`
const reached = [];
try {
  const face = new FontFace('hostile', 'url($LISTENER$/font.woff2)');
  reached.push('FontFace');
  await settle(face.load(), 200);
  if (globalThis.fonts) globalThis.fonts.add(face);
} catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-image',
    vector: '`new Image().src = listener` and `createImageBitmap` of a fetched image',
    files: probe(`
const reached = [];
try { const img = new Image(); img.src = '$LISTENER$/image.png'; reached.push('Image'); } catch {}
try { if (typeof createImageBitmap === 'function') reached.push('createImageBitmap'); } catch {}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-webtransport-broadcast',
    vector: '`WebTransport` to the listener, `BroadcastChannel` to the page’s other tabs',
    files: probe(`
const reached = [];
try { new WebTransport('https://127.0.0.1:$PORT$/wt'); reached.push('WebTransport'); } catch {}
try { new BroadcastChannel('stepgraph').postMessage('hello'); reached.push('BroadcastChannel'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'net-node-builtins',
    vector: "Node's `net.connect` and `http.get` to the listener through any `process` it can find",
    files: probe(`
const reached = [];
for (const g of [globalThis, globalThis.global]) {
  const p = g && g.process;
  if (!p || typeof p.getBuiltinModule !== 'function') continue;
  try { p.getBuiltinModule('node:net').connect($PORT$, '127.0.0.1'); reached.push('net'); } catch {}
  try { p.getBuiltinModule('node:http').get('$LISTENER$/http'); reached.push('http'); } catch {}
}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
];
