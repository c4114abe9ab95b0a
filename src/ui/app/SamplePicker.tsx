import type { GraphologyJson } from '../../protocol/graph';
import { ALGORITHMS, GRAPHS, gridGraph, randomGraph } from '../../samples';
import type { PlaygroundStore } from '../state/store';
import type { WorkSession } from '../state/session';
import { openSample } from '../modules/openSample';

/** Generated graphs offered beside the sample graphs. */
const GENERATED: ReadonlyArray<{ id: string; title: string; make: () => GraphologyJson }> = [
  { id: 'grid-6', title: 'Grid 6×6, weighted', make: () => gridGraph(6, 6, { weighted: true, seed: 'picker' }) },
  { id: 'grid-20', title: 'Grid 20×20', make: () => gridGraph(20, 20, { seed: 'picker' }) },
  { id: 'random-12', title: 'Random, 12 nodes', make: () => randomGraph(12, 18, 'picker', { weighted: true }) },
  {
    id: 'random-directed-12',
    title: 'Random directed, 12 nodes',
    make: () => randomGraph(12, 20, 'picker', { directed: true, weighted: true }),
  },
];

/** Props of the pickers. */
export interface SamplePickerProps {
  /** The store, for replacing the graph. */
  store: PlaygroundStore;
  /** The session: a sample replaces the work only after keeping it as a draft. */
  session: WorkSession;
}

/** Two menus: open a sample algorithm (with its graph), or run the current code on another graph. */
export function SamplePicker({ store, session }: SamplePickerProps) {
  const openAlgorithm = (id: string): void => {
    const sample = ALGORITHMS.find((a) => a.id === id);
    if (sample) void openSample(session, sample, store.getSnapshot().settings);
  };
  const useGraph = (id: string): void => {
    const sample = GRAPHS.find((g) => g.id === id);
    const graph = sample ? sample.data : GENERATED.find((g) => g.id === id)?.make();
    if (graph) store.setGraph(graph);
  };
  return (
    <span className="pickers">
      <select aria-label="Open a sample algorithm" value="" onChange={(e) => openAlgorithm(e.currentTarget.value)}>
        <option value="" disabled>
          Samples…
        </option>
        {ALGORITHMS.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
      <select aria-label="Use a graph" value="" onChange={(e) => useGraph(e.currentTarget.value)}>
        <option value="" disabled>
          Graphs…
        </option>
        <optgroup label="Samples">
          {GRAPHS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Generated">
          {GENERATED.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </optgroup>
      </select>
    </span>
  );
}
