import type { RunSettings } from '../../protocol/run';
import { graphById, type SampleAlgorithm } from '../../samples';
import type { PlaygroundDoc } from '../state/doc';
import type { WorkSession } from '../state/session';

/** A sample as a whole playground: its script as `main.ts`, its other files beside it. */
export function sampleDoc(sample: SampleAlgorithm, settings: RunSettings): PlaygroundDoc | undefined {
  const graph = graphById(sample.graph);
  if (!graph) return undefined;
  return {
    files: { 'main.ts': sample.code, ...sample.files },
    mainFile: 'main.ts',
    graph: graph.data,
    settings,
    layout: 'preset',
    step: 0,
  };
}

/**
 * Opens a sample and runs it. It goes through the session like an imported file, so the work it
 * replaces is kept as a draft (a sample never destroys unsaved work).
 */
export async function openSample(session: WorkSession, sample: SampleAlgorithm, settings: RunSettings): Promise<void> {
  const doc = sampleDoc(sample, settings);
  if (doc) await session.openSample(doc, sample.title);
}
