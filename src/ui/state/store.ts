import type { StepgraphClient } from '../../client/client';
import type { GraphologyJson } from '../../protocol/graph';
import type { RunProgress, RunResponse, RunSettings } from '../../protocol/run';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import { TraceReader } from '../../tracer/reader';
import { colorsByName } from '../../tracer/palette';

/** Everything the page shows, as one immutable snapshot. */
export interface PlaygroundState {
  /** Source files by name. */
  files: Readonly<Record<string, string>>;
  /** The file the editor shows and `Run` starts. */
  mainFile: string;
  /** The graph the script runs on. */
  graph: GraphologyJson;
  /** Seed and limits. */
  settings: RunSettings;
  /** Whether a run is in flight. */
  status: 'idle' | 'running';
  /** Progress of the run in flight. */
  progress: RunProgress | undefined;
  /** The last run's response. */
  response: RunResponse | undefined;
  /** Seeks the last run's trace. */
  reader: TraceReader | undefined;
  /** Colour of each variable name of the last run. */
  colors: ReadonlyMap<string, string>;
  /** The step on screen. */
  step: number;
  /** A message about the last run that has no trace (stopped by terminating the worker). */
  notice: string | undefined;
  /** True when the code changed after the last run: its trace no longer matches the editor. */
  stale: boolean;
}

/**
 * The playground's state and actions, outside React: components read it through
 * `useSyncExternalStore` and call its methods. Each change makes a new snapshot.
 */
export class PlaygroundStore {
  private state: PlaygroundState;
  private readonly listeners = new Set<() => void>();
  private runId = 0;

  constructor(
    private readonly client: StepgraphClient,
    initial: Pick<PlaygroundState, 'files' | 'mainFile' | 'graph'> & { settings?: Partial<RunSettings> },
  ) {
    this.state = {
      ...initial,
      settings: { ...DEFAULT_SETTINGS, ...initial.settings },
      status: 'idle',
      progress: undefined,
      response: undefined,
      reader: undefined,
      colors: new Map(),
      step: 0,
      notice: undefined,
      stale: false,
    };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PlaygroundState => this.state;

  private set(patch: Partial<PlaygroundState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Replaces a file's text. */
  setFile(name: string, text: string): void {
    if (this.state.files[name] === text) return;
    this.set({ files: { ...this.state.files, [name]: text }, stale: this.state.response !== undefined });
  }

  /** Runs the main file; the timeline opens at the first step, or at the failure. */
  async run(): Promise<void> {
    const id = ++this.runId;
    const { files, mainFile, graph, settings } = this.state;
    this.set({ status: 'running', progress: undefined, notice: undefined });
    try {
      const response = await this.client.run(
        { files, main: mainFile, graph, settings },
        { onProgress: (p) => id === this.runId && this.set({ progress: p }) },
      );
      if (id !== this.runId) return;
      const reader = new TraceReader(response.trace);
      const failedAt = response.error?.step ?? -1;
      this.set({
        status: 'idle',
        response,
        reader,
        colors: colorsByName(response.trace.slots.map((s) => s.name)),
        step: failedAt >= 0 ? failedAt : 0,
        stale: false,
      });
    } catch (e) {
      if (id !== this.runId) return;
      this.set({ status: 'idle', notice: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Stops the run in flight. */
  stop(): void {
    this.client.cancel();
  }

  /** Shows step `n` (clamped to the trace). */
  seek(n: number): void {
    const last = (this.state.reader?.length ?? 1) - 1;
    const step = Math.max(0, Math.min(last, Math.round(n)));
    if (step !== this.state.step) this.set({ step });
  }

  /** Moves by `delta` steps. */
  move(delta: number): void {
    this.seek(this.state.step + delta);
  }
}
