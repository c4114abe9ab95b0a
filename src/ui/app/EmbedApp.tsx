import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { PlaygroundStore } from '../state/store';
import type { WorkSession } from '../state/session';
import { titleOf } from '../state/doc';
import { usePlayground } from '../state/useStepData';
import { Editor } from '../editor/Editor';
import { GraphView } from '../graph/GraphView';
import { Timeline } from '../timeline/Timeline';
import { Banner } from '../components/Banner';
import { ConsentDialog } from '../components/ConsentDialog';
import type { NetworkConsent } from '../state/consent';
import { animationMs, type Playback } from '../state/playback';
import { encodeLink } from '../share/codec';
import { useDarkMode } from './useDarkMode';
import { useShortcuts } from './useShortcuts';
import { useStepScreen } from './useStepView';

/** Props of the embed. */
export interface EmbedAppProps {
  /** The store, loaded from the link. */
  store: PlaygroundStore;
  /** Opens the link; never saves (an embed must not touch the reader's own work). */
  session: WorkSession;
  /** Show the code, read-only. */
  showEditor: boolean;
  /** Asks the reader before the embedded code reaches the network. */
  consent: NetworkConsent;
  /** Play and the breakpoint jumps. */
  playback: Playback;
}

/** The page inside a tutorial's `<iframe>`: the graph and the timeline, the code if asked for. */
export function EmbedApp({ store, session, showEditor, consent, playback }: EmbedAppProps) {
  const state = usePlayground(store);
  const work = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const screen = useStepScreen(state);
  const dark = useDarkMode();
  useShortcuts(store, playback);
  const play = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  const { files, mainFile, graph, settings, layout, step, breakpoints } = state;
  // the doc is made of exactly these fields: a new one only when one of them changes
  const doc = useMemo(() => store.doc(), [store, files, mainFile, graph, settings, layout, step, breakpoints]);
  // the full playground at the same code, graph and step, for readers who want to edit
  const full = useMemo(() => `${location.origin}${location.pathname}#${encodeLink(doc)}`, [doc]);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  return (
    <div className={`app embed${showEditor ? ' with-editor' : ''}`}>
      <header className="embed-bar">
        <span className="embed-title">{titleOf(doc)}</span>
        <a href={full} target="_blank" rel="noopener">
          Open in Stepgraph ↗
        </a>
      </header>
      {work.banner?.kind === 'error' && (
        <Banner banner={work.banner} onRestore={() => undefined} onDismiss={() => session.dismiss()} />
      )}
      <main className="workspace">
        {showEditor && (
          <Editor
            files={state.files}
            activeFile={state.activeFile}
            mainFile={state.mainFile}
            readOnly
            onChange={() => undefined}
            onSelectFile={(f) => store.setActiveFile(f)}
            stepLine={screen.stepLine}
            error={screen.error}
            atError={screen.atError}
            dark={dark}
          />
        )}
        <GraphView
          store={store}
          graph={state.graph}
          view={screen.view}
          step={screen.total > 0 ? state.step + 1 : 0}
          dark={dark}
          selection={[]}
          layout={state.layout}
          docVersion={state.docVersion}
          editNote={undefined}
          editable={false}
          animateMs={animationMs(play)}
        />
        <Timeline
          store={store}
          playback={playback}
          step={state.step}
          total={screen.total}
          caption={screen.caption}
          withBreakpoints={false}
        />
      </main>
      <ConsentDialog consent={consent} />
    </div>
  );
}
