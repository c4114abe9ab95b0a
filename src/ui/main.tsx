import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserClient } from '../client/workerClient';
import { DEFAULT_SETTINGS } from '../protocol/run';
import { ALGORITHMS, graphById } from '../samples';
import { PlaygroundStore } from './state/store';
import type { PlaygroundDoc } from './state/doc';
import { WorkSession } from './state/session';
import { Playback } from './state/playback';
import { NetworkConsent } from './state/consent';
import { pageDecisions } from './state/decisionStorage';
import { MemoryStorage } from './state/storage';
import { openStorage } from './state/indexedDbStorage';
import { hasFragment, pageMode } from './share/links';
import { App } from './app/App';
import { EmbedApp } from './app/EmbedApp';
import { withTestHook } from './app/testHook';
import './styles.css';

const sample = ALGORITHMS[0];
const graph = sample ? graphById(sample.graph) : undefined;
if (!sample || !graph) throw new Error('ui/main: the sample registry is empty');

/** What a first visit starts with. */
const starter: PlaygroundDoc = {
  files: { 'main.ts': sample.code },
  mainFile: 'main.ts',
  graph: graph.data,
  settings: DEFAULT_SETTINGS,
  layout: 'preset',
  step: 0,
};

// the graph view reads its colours from CSS when it is created, before App's effects run: set the theme first
document.documentElement.dataset.theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
const mode = pageMode(location.search);
// network decisions live in the page's localStorage, out of reach of any script (an embed keeps them in memory)
const consent = new NetworkConsent(pageDecisions(mode.embed));
const store = new PlaygroundStore(withTestHook(createBrowserClient()), starter, consent);
// an embed never reads or writes saved work: a tutorial must not touch its reader's playground
const storage = mode.embed ? undefined : await openStorage(() => new MemoryStorage());
const session = new WorkSession(store, storage, starter);
const playback = new Playback(store);
await session.restore();

/** Opens the address's fragment, if any; a link that opened leaves the address, so a reload keeps later edits. */
async function openFragment(): Promise<void> {
  if (!hasFragment(location.hash)) return;
  await session.openFragment(location.hash, () => {
    if (!mode.embed) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('ui/main: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    {mode.embed ? (
      <EmbedApp store={store} session={session} showEditor={mode.embedEditor} consent={consent} playback={playback} />
    ) : (
      <App store={store} session={session} consent={consent} playback={playback} />
    )}
  </StrictMode>,
);

window.addEventListener('hashchange', () => void openFragment());
// a closed tab or a hidden page saves at once instead of after the autosave's pause
window.addEventListener('pagehide', () => void session.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void session.flush();
});
if (hasFragment(location.hash)) void openFragment();
else if (mode.embed) void store.run();
