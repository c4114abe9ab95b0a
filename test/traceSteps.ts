import type { RunResponse } from '../src/protocol/run';
import type { TraceValue } from '../src/protocol/trace';
import { TraceReader } from '../src/tracer/reader';

/** Per step of a run: line, column and the variables that step changed (golden-trace form). */
export function traceSteps(r: RunResponse): Array<[number, number, Record<string, TraceValue>]> {
  const rd = new TraceReader(r.trace);
  return Array.from({ length: rd.length }, (_, i) => {
    const s = rd.step(i);
    const changed = Object.fromEntries(
      rd
        .variables(i)
        .filter((v) => v.changed)
        .map((v) => [v.name, v.value]),
    );
    return [s.line, s.column, changed];
  });
}
