import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { PlaygroundStore } from '../state/store';
import type { WorkSession } from '../state/session';
import { usePlayground } from '../state/useStepData';
import { Editor } from '../editor/Editor';
import { GraphView } from '../graph/GraphView';
import { Timeline } from '../timeline/Timeline';
import { VariablesPanel } from '../variables/VariablesPanel';
import { ConsolePanel } from '../console/ConsolePanel';
import { NarrationPanel, notesOf } from '../narration/NarrationPanel';
import { ModulesPanel } from '../modules/ModulesPanel';
import { withModule } from '../modules/caption';
import { Banner } from '../components/Banner';
import { ShareDialog } from '../share/ShareDialog';
import { ConsentDialog } from '../components/ConsentDialog';
import type { NetworkConsent } from '../state/consent';
import { animationMs, type Playback } from '../state/playback';
import { useShare } from '../share/useShare';
import { Toolbar } from './Toolbar';
import { SamplePicker } from './SamplePicker';
import { WorkActions } from './WorkActions';
import { useDarkMode } from './useDarkMode';
import { useShortcuts } from './useShortcuts';
import { useStepScreen } from './useStepView';
import { runSummary } from './summary';
import { useBreakpointGlyphs } from './useBreakpointGlyphs';
import { useChangeNavigation } from '../variables/useChangeNavigation';
import { useStackView } from '../variables/useStackView';
import { CallStack } from '../variables/CallStack';
import { useEntries } from '../variables/useEntries';

/** The playground page. */
export function App({
  store,
  session,
  consent,
  playback,
}: {
  store: PlaygroundStore;
  session: WorkSession;
  consent: NetworkConsent;
  playback: Playback;
}) {
  const state = usePlayground(store);
  const work = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const screen = useStepScreen(state);
  const dark = useDarkMode();
  const sharing = useShare(store, session);
  useShortcuts(store, playback);
  const play = useSyncExternalStore(playback.subscribe, playback.getSnapshot);
  const breakpoints = useBreakpointGlyphs(store, playback);
  const notes = useMemo(() => notesOf(state.reader), [state.reader]);
  const changes = useChangeNavigation(store, state.reader, state.step);
  const frames = useStackView(state.reader, state.step, screen.data.variables);
  const entries = useEntries(state.reader, state.step);

  useEffect(() => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [dark]);

  return (
    <div className="app">
      <Toolbar
        running={state.status === 'running'}
        progress={state.progress}
        onRun={() => void store.run()}
        onStop={() => store.stop()}
        summary={runSummary(state)}
        pickers={<SamplePicker store={store} session={session} />}
      >
        <WorkActions
          session={session}
          state={work}
          seed={state.settings.seed}
          onSeed={(s) => store.setSeed(s)}
          onShare={sharing.share}
        />
      </Toolbar>
      {work.banner && (
        <Banner
          banner={work.banner}
          onRestore={(k) => void session.restoreDraft(k)}
          onDismiss={() => session.dismiss()}
        />
      )}
      <main className="workspace">
        <Editor
          files={state.files}
          activeFile={state.activeFile}
          mainFile={state.mainFile}
          onChange={(file, t) => store.setFile(file, t)}
          onSelectFile={(f) => store.setActiveFile(f)}
          onAddFile={() => {
            const name = window.prompt('Name of the new file (ending in .ts or .js):', 'util.ts');
            const refusal = name === null ? undefined : store.addFile(name);
            if (refusal) window.alert(refusal);
          }}
          onRemoveFile={(f) => store.removeFile(f)}
          stepLine={screen.stepLine}
          error={screen.error}
          atError={screen.atError}
          dark={dark}
          breakpoints={breakpoints.glyphs}
          breakpointEvents={breakpoints.events}
        />
        <GraphView
          store={store}
          graph={state.graph}
          view={screen.view}
          step={screen.total > 0 ? state.step + 1 : 0}
          dark={dark}
          selection={state.selection}
          layout={state.layout}
          docVersion={state.docVersion}
          editNote={state.editNote}
          editable
          animateMs={animationMs(play)}
          onDropFile={(file) => void session.importFile(file)}
        />
        <VariablesPanel
          variables={frames.variables}
          colors={state.colors}
          scope={frames.scope}
          changes={changes}
          entries={entries}
          stack={
            frames.stack.length > 1 && (
              <CallStack stack={frames.stack} selected={frames.selected} onSelect={frames.select} />
            )
          }
        />
        <div className="console-area">
          <ConsolePanel
            output={screen.data.output}
            step={screen.data.outputStep}
            notes={screen.notes}
            error={screen.error}
            notice={state.notice}
            network={{ refused: state.networkRefused, onAskAgain: () => void store.askNetworkAgain() }}
          />
          {notes.length > 0 && <NarrationPanel notes={notes} step={state.step} onSeek={(n) => store.seek(n)} />}
        </div>
        <ModulesPanel state={state} store={store} session={session} />
        <Timeline
          store={store}
          playback={playback}
          step={state.step}
          total={screen.total}
          caption={withModule(state, screen.caption)}
        />
      </main>
      <ConsentDialog consent={consent} />
      {sharing.content && (
        <ShareDialog
          content={sharing.content}
          onCopy={sharing.copy}
          onDownload={sharing.downloadFile}
          onClose={sharing.close}
        />
      )}
    </div>
  );
}
