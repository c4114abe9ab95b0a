import { useMemo } from 'react';
import { annotate, viewOf, type StepView } from '../../tracer/view';
import { drawingOf } from '../../tracer/drawing';
import { graphIndex } from './graphIndex';

/** Colour of `trace.highlight` without a colour: the Okabe–Ito sky blue, apart from the variables' first colours. */
const ACCENT = '#56B4E9';
const NO_NOTES: ReadonlyArray<{ step: number; text: string }> = [];
import type { TraceError } from '../../protocol/trace';
import type { PlaygroundState } from '../state/store';
import { useStepData, type StepData } from '../state/useStepData';
import { mapLine } from '../state/lineMap';

/** What the panels derive from one snapshot: shared by the playground and the embed. */
export interface StepScreen {
  /** Variables, output and position at the step. */
  data: StepData;
  /** Highlights and badges for the graph. */
  view: StepView;
  /** Every `trace.note` line of the run (the console shows those up to the step). */
  notes: ReadonlyArray<{ step: number; text: string }>;
  /** The last run's failure. */
  error: TraceError | undefined;
  /** Steps in the trace. */
  total: number;
  /** `line 8 in visit (depth 2)`. */
  caption: string;
  /** The line the editor marks, if any. */
  stepLine: number | undefined;
  /** True when the marked line is the failure. */
  atError: boolean;
}

/** Derives the step's view of the graph and the editor from the store's snapshot. */
export function useStepScreen(state: PlaygroundState): StepScreen {
  const data = useStepData(state);
  const { reader, step } = state;
  // the reader keeps states of the graph along the trace: a step replays only the operations since the nearest one
  const structure = useMemo(() => (reader && reader.length > 0 ? reader.graphState(step) : undefined), [reader, step]);
  // every element the step's graph has: a variable naming a node or an edge highlights it
  const elements = useMemo(() => {
    const keys = new Set<string>();
    for (const n of state.graph.nodes) keys.add(n.key);
    for (const e of state.graph.edges) if (e.key) keys.add(e.key);
    for (const k of structure?.addedNodes.keys() ?? []) keys.add(k);
    for (const k of structure?.addedEdges.keys() ?? []) keys.add(k);
    return keys;
  }, [state.graph, structure]);
  // nodes, edge keys and edges by their ends, for fills and tree edges
  const index = useMemo(() => graphIndex(state.graph, structure), [state.graph, structure]);
  const view = useMemo(() => {
    const drawing = drawingOf(data.viewVariables, index.nodes, index.edgeKeys, index.findEdge, state.colors);
    const base = { ...viewOf(data.viewVariables, elements, state.colors), drawing };
    return structure ? annotate(base, structure, ACCENT) : base;
  }, [data.viewVariables, elements, index, state.colors, structure]);
  const notes = useMemo(() => reader?.notes() ?? NO_NOTES, [reader]);
  const error = state.response?.error;
  const total = state.reader?.length ?? 0;
  const info = data.info;
  const caption = info
    ? `line ${info.line}${info.depth > 0 ? ` in ${info.functionName} (depth ${info.depth})` : ''}`
    : '';
  // the marked line belongs to the step's file (or the failure's): only shown when that file is on screen
  const markFile = info?.file ?? error?.file ?? state.mainFile;
  const markLine = info?.line ?? error?.line;
  // after an edit the mark follows its line if the line is still there (moved by lines typed above), else it is dropped
  const stepLine =
    markLine === undefined || markFile !== state.activeFile
      ? undefined
      : state.stale
        ? mapLine(state.ranFiles?.[markFile], state.files[markFile], markLine)
        : markLine;
  const atError = (error !== undefined && error.step === state.step) || (total === 0 && error !== undefined);
  return { data, view, notes, error, total, caption, stepLine, atError };
}
