import { useMemo, useSyncExternalStore } from 'react';
import type { StepInfo, VariableAt } from '../../tracer/reader';
import type { Trace } from '../../protocol/trace';
import type { PlaygroundState, PlaygroundStore } from './store';

/** The whole snapshot of the store. */
export function usePlayground(store: PlaygroundStore): PlaygroundState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** What the panels show at the current step. */
export interface StepData {
  /** Where the step is, or undefined before any run / for an empty trace. */
  info: StepInfo | undefined;
  /** Variables at the step. */
  variables: VariableAt[];
  /** Output printed up to the step. */
  output: Trace['output'];
}

/** Reads the current step from the trace: each read is a binary search, whatever the step. */
export function useStepData(state: PlaygroundState): StepData {
  const { reader, step } = state;
  return useMemo(() => {
    if (!reader || reader.length === 0)
      return { info: undefined, variables: [], output: reader ? reader.output(Infinity) : [] };
    return { info: reader.step(step), variables: reader.variables(step), output: reader.output(step) };
  }, [reader, step]);
}
