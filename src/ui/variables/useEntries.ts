import { useMemo } from 'react';
import { collectionRows, type CollectionPage } from '../../tracer/collectionRows';
import type { TraceReader, VariableAt } from '../../tracer/reader';

/** The first `count` entries of a variable's collection at the step on screen (undefined without a trace). */
export function useEntries(
  reader: TraceReader | undefined,
  step: number,
): ((v: VariableAt, count: number) => CollectionPage) | undefined {
  return useMemo(
    () => (reader && reader.length > 0 ? (v, count) => collectionRows(reader, v.ref ?? 0, step, 0, count) : undefined),
    [reader, step],
  );
}
