import type { PlaygroundState } from './store';

/** The part of the state that belongs to a run: its state before any run, and after new work drops the last one. */
export function noRun(): Pick<
  PlaygroundState,
  'status' | 'progress' | 'response' | 'reader' | 'colors' | 'step' | 'notice' | 'stale' | 'ranFiles' | 'networkRefused'
> {
  return {
    status: 'idle',
    progress: undefined,
    response: undefined,
    reader: undefined,
    colors: new Map(),
    step: 0,
    notice: undefined,
    stale: false,
    ranFiles: undefined,
    networkRefused: [],
  };
}
