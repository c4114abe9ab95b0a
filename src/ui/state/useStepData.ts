import { useMemo, useSyncExternalStore } from 'react';
import type { StepInfo, VariableAt } from '../../tracer/reader';
import type { Trace } from '../../protocol/trace';
import { SHOW_BUDGET } from '../../tracer/materialize';
import type { PlaygroundState, PlaygroundStore } from './store';

/** The whole snapshot of the store. */
export function usePlayground(store: PlaygroundStore): PlaygroundState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

const NO_OUTPUT: Trace['output'] = [];

/** What the panels show at the current step. */
export interface StepData {
  /** Where the step is, or undefined before any run / for an empty trace. */
  info: StepInfo | undefined;
  /** Variables at the step, collections cut to what the panel shows. */
  variables: VariableAt[];
  /** The same variables with collections as large as the graph, for its highlights and badges. */
  viewVariables: VariableAt[];
  /** Everything the run printed (the same array at every step: the console cuts it at `outputStep`). */
  output: Trace['output'];
  /** The step whose output is on screen (the last step before any run). */
  outputStep: number;
}

/** Reads the current step from the trace: each read is a binary search, whatever the step. */
export function useStepData(state: PlaygroundState): StepData {
  const { reader, step } = state;
  const size = state.graph.nodes.length + state.graph.edges.length;
  return useMemo(() => {
    const output = reader?.trace.output ?? NO_OUTPUT;
    if (!reader || reader.length === 0)
      return { info: undefined, variables: [], viewVariables: [], output, outputStep: Infinity };
    const variables = reader.variables(step);
    // a map keyed by node needs all its entries for the badges; the panel needs only the first ones
    const big = size > SHOW_BUDGET.items;
    const viewVariables = big ? reader.variables(step, { items: size, depth: 2 }) : variables;
    return { info: reader.step(step), variables, viewVariables, output, outputStep: step };
  }, [reader, step, size]);
}
