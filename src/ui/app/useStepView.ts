import { useMemo } from 'react';
import { annotate, viewOf, type StepView } from '../../tracer/view';
import { GraphStates } from '../../tracer/graphStates';
import { drawingOf } from '../../tracer/drawing';
import { graphIndex } from './graphIndex';

/** Colour of `trace.highlight` without a colour: the Okabe–Ito sky blue, apart from the variables' first colours. */
const ACCENT = '#56B4E9';
const NO_NOTES: ReadonlyArray<{ step: number; text: string }> = [];
import type { TraceError } from '../../protocol/trace';
import type { PlaygroundState } from '../state/store';
import { useStepData, type StepData } from '../state/useStepData';

/** What the panels derive from one snapshot: shared by the playground and the embed. */
export interface StepScreen {
  /** Variables, output and position at the step. */
  data: StepData;
  /** Highlights and badges for the graph. */
  view: StepView;
  /** `trace.note` lines up to the step. */
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
  // kept states of the graph along the trace: a step replays only the operations since the nearest one
  const states = useMemo(() => (reader ? new GraphStates(reader.trace.graphOps) : undefined), [reader]);
  const structure = useMemo(
    () => (reader && states && reader.length > 0 ? states.after(reader.graphOpCount(step)) : undefined),
    [reader, states, step],
  );
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
  const notes = structure?.notes ?? NO_NOTES;
  const error = state.response?.error;
  const total = state.reader?.length ?? 0;
  const info = data.info;
  const caption = info
    ? `line ${info.line}${info.depth > 0 ? ` in ${info.functionName} (depth ${info.depth})` : ''}`
    : '';
  // the marked line belongs to the step's file (or the failure's): only shown when that file is on screen
  const markFile = info?.file ?? error?.file ?? state.mainFile;
  const markLine = info?.line ?? error?.line;
  const stepLine = state.stale || markLine === undefined || markFile !== state.activeFile ? undefined : markLine;
  const atError = (error !== undefined && error.step === state.step) || (total === 0 && error !== undefined);
  return { data, view, notes, error, total, caption, stepLine, atError };
}
