import { useMemo } from 'react';
import { viewOf, type StepView } from '../../tracer/view';
import type { TraceError } from '../../protocol/trace';
import type { PlaygroundState } from '../state/store';
import { useStepData, type StepData } from '../state/useStepData';

/** What the panels derive from one snapshot: shared by the playground and the embed. */
export interface StepScreen {
  /** Variables, output and position at the step. */
  data: StepData;
  /** Highlights and badges for the graph. */
  view: StepView;
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
  const nodes = useMemo(() => new Set(state.graph.nodes.map((n) => n.key)), [state.graph]);
  const view = useMemo(() => viewOf(data.variables, nodes, state.colors), [data.variables, nodes, state.colors]);
  const error = state.response?.error;
  const total = state.reader?.length ?? 0;
  const info = data.info;
  const caption = info
    ? `line ${info.line}${info.depth > 0 ? ` in ${info.functionName} (depth ${info.depth})` : ''}`
    : '';
  const stepLine = state.stale || (!info && !error?.line) ? undefined : (info?.line ?? error?.line);
  const atError = (error !== undefined && error.step === state.step) || (total === 0 && error !== undefined);
  return { data, view, error, total, caption, stepLine, atError };
}
