import { useMemo } from 'react';
import type { TraceReader } from '../../tracer/reader';
import { variableChanges } from '../../tracer/variableChanges';
import type { PlaygroundStore } from '../state/store';
import type { ChangeNavigation } from './ChangeButtons';

/** The Variables panel's previous / next change at the step on screen (undefined without a trace). */
export function useChangeNavigation(
  store: PlaygroundStore,
  reader: TraceReader | undefined,
  step: number,
): ChangeNavigation | undefined {
  return useMemo(() => {
    if (!reader || reader.length === 0) return undefined;
    const changes = variableChanges(reader);
    return {
      next: (v) => changes.next(v, step),
      previous: (v) => changes.previous(v, step),
      seek: (n) => store.seek(n),
    };
  }, [store, reader, step]);
}
