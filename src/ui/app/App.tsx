import { useEffect, useMemo, useState } from 'react';
import type { PlaygroundStore } from '../state/store';
import { usePlayground, useStepData } from '../state/useStepData';
import { viewOf } from '../../tracer/view';
import { Editor } from '../editor/Editor';
import { GraphView } from '../graph/GraphView';
import { Timeline } from '../timeline/Timeline';
import { VariablesPanel } from '../variables/VariablesPanel';
import { ConsolePanel } from '../console/ConsolePanel';
import { Toolbar } from './Toolbar';
import { useDarkMode } from './useDarkMode';
import { useShortcuts } from './useShortcuts';
import { runSummary } from './summary';

/** The playground page. */
export function App({ store }: { store: PlaygroundStore }) {
  const state = usePlayground(store);
  const data = useStepData(state);
  const dark = useDarkMode();
  const [initialText] = useState(() => state.files[state.mainFile] ?? '');
  useShortcuts(store);

  const nodes = useMemo(() => new Set(state.graph.nodes.map((n) => n.key)), [state.graph]);
  const view = useMemo(() => viewOf(data.variables, nodes, state.colors), [data.variables, nodes, state.colors]);
  const error = state.response?.error;
  const atError = error !== undefined && error.step === state.step;
  const total = state.reader?.length ?? 0;
  const caption = data.info ? `line ${data.info.line}${data.info.depth > 0 ? ` in ${data.info.functionName} (depth ${data.info.depth})` : ''}` : '';

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
      />
      <main className="workspace">
        <Editor
          initialText={initialText}
          onChange={(t) => store.setFile(state.mainFile, t)}
          stepLine={state.stale || (!data.info && !error?.line) ? undefined : (data.info?.line ?? error?.line)}
          error={error}
          atError={atError || (total === 0 && error !== undefined)}
          dark={dark}
        />
        <GraphView graph={state.graph} view={view} dark={dark} />
        <VariablesPanel variables={data.variables} colors={state.colors} scope={data.info?.depth ? data.info.functionName : undefined} />
        <ConsolePanel output={data.output} error={error} notice={state.notice} />
        <Timeline store={store} step={state.step} total={total} caption={caption} />
      </main>
    </div>
  );
}
