import type { StepgraphClient } from '../../client/client';
import type { GraphologyJson } from '../../protocol/graph';
import type { RunProgress, RunResponse, RunSettings } from '../../protocol/run';
import { DEFAULT_SETTINGS } from '../../protocol/run';
import { TraceReader } from '../../tracer/reader';
import { TraceAssembler } from '../../tracer/assemble';
import { colorsByName } from '../../tracer/palette';
import type { LayoutName, PlaygroundDoc } from './doc';
import { noRun } from './runState';
import { keptStep } from './keepPosition';
import { terminated } from './terminated';
import { cleanPatterns, type NetworkConsent } from './consent';
import { pageNetwork } from './pageNetwork';
import { fitBreakpoints, marksOf, ranAsTheyAre, savedForm, type Breakpoint, type BreakpointMark } from './breakpoints';
import { addEdge, addNode, moveNodes, removeElements, withEdgeKeys, type Point } from './graphEdit';

/** Everything the page shows, as one immutable snapshot. */
export interface PlaygroundState {
  /** Source files by name. */
  files: Readonly<Record<string, string>>;
  /** The file `Run` starts. */
  mainFile: string;
  /** The file the editor shows: the step's own when stepping, or the one picked. */
  activeFile: string;
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
  /** True when the code or graph changed after the last run: its trace no longer matches them. */
  stale: boolean;
  /** The files the last run ran (undefined for a trace recorded elsewhere): what a stale trace's lines are mapped from. */
  ranFiles: Readonly<Record<string, string>> | undefined;
  /** The layout last chosen in the graph view. */
  layout: LayoutName;
  /** Selected nodes and edges, in the order they were selected (an edge goes first → second). */
  selection: readonly string[];
  /** Bumped when a whole doc is loaded (a link, a draft, a file): views that keep their own copy reset. */
  docVersion: number;
  /** A short note about the last graph edit that did nothing (why an edge was refused). */
  editNote: string | undefined;
  /** URL patterns the last run's manifests asked for that the person did not allow (refused or closed). */
  networkRefused: readonly string[];
  /** Breakpoints (changed through `setBreakpoints`; see breakpoints.ts). */
  breakpoints: readonly BreakpointMark[];
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
    initial: Pick<PlaygroundState, 'files' | 'mainFile' | 'graph'> & {
      settings?: Partial<RunSettings>;
      breakpoints?: readonly Breakpoint[];
      layout?: LayoutName;
    },
    /** Asks the person before a run reaches the network; without it, runs get none. */
    private readonly consent?: NetworkConsent,
  ) {
    this.state = {
      ...initial,
      activeFile: initial.mainFile,
      graph: withEdgeKeys(initial.graph),
      settings: { ...DEFAULT_SETTINGS, ...initial.settings },
      layout: initial.layout ?? 'preset',
      selection: [],
      docVersion: 0,
      editNote: undefined,
      breakpoints: marksOf(initial.breakpoints),
      ...noRun(),
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
    const breakpoints = fitBreakpoints(this.state.breakpoints, name, text);
    this.set({ files: { ...this.state.files, [name]: text }, stale: this.state.response !== undefined, breakpoints });
  }

  /** The user's work as it is now. */
  doc(): PlaygroundDoc {
    const { files, mainFile, graph, settings, layout, step, breakpoints } = this.state;
    const doc = { files, mainFile, graph, settings, layout, step };
    return breakpoints.length === 0 ? doc : { ...doc, breakpoints: savedForm(breakpoints) };
  }

  /** Replaces the breakpoints (helpers in breakpoints.ts make the new list). */
  setBreakpoints(breakpoints: readonly BreakpointMark[]): void {
    if (breakpoints !== this.state.breakpoints) this.set({ breakpoints });
  }

  /** Replaces the whole work (a link, a draft, a file): the last run is dropped with it. */
  load(doc: PlaygroundDoc): void {
    this.runId++;
    this.consent?.dismiss();
    this.client.cancel();
    const { files, mainFile, settings, layout } = doc;
    this.set({
      files,
      mainFile,
      activeFile: mainFile,
      graph: withEdgeKeys(doc.graph),
      settings,
      layout,
      ...noRun(),
      selection: [],
      docVersion: this.state.docVersion + 1,
      editNote: undefined,
      breakpoints: marksOf(doc.breakpoints),
    });
  }

  /** Loads a doc, runs it and opens at its step: what opening a shared link does. */
  async open(doc: PlaygroundDoc): Promise<void> {
    this.load(doc);
    const version = this.state.docVersion;
    await this.run();
    if (this.state.docVersion === version) this.seek(doc.step);
  }

  /** Runs the code on another graph from now on: the last run's trace no longer fits, so it is dropped. */
  setGraph(graph: GraphologyJson): void {
    this.runId++;
    this.consent?.dismiss();
    this.client.cancel();
    this.set({
      graph: withEdgeKeys(graph),
      layout: 'preset',
      ...noRun(),
      selection: [],
      docVersion: this.state.docVersion + 1,
      editNote: undefined,
    });
  }

  /** Sets the seed of `Math.random` for the next runs. */
  setSeed(seed: string): void {
    if (seed === this.state.settings.seed) return;
    this.set({ settings: { ...this.state.settings, seed }, stale: this.state.response !== undefined });
  }

  /** Adds a node (at `at`, or beside the others) and selects it. */
  addNode(at?: Point): string {
    const { graph, key } = addNode(this.state.graph, at);
    this.set({ graph, selection: [key], editNote: undefined, stale: this.state.response !== undefined });
    return key;
  }

  /**
   * Connects the two nodes picked last, in the order they were picked; says why when it cannot.
   * (Not the first two: a node just added stays selected, and the two picked after it are meant.)
   */
  connectSelected(): void {
    const nodes = new Set(this.state.graph.nodes.map((n) => n.key));
    const [source, target] = this.state.selection.filter((id) => nodes.has(id)).slice(-2);
    const { graph, key, refusal } = addEdge(this.state.graph, source ?? '', target ?? '');
    if (refusal || !key) this.set({ editNote: refusal });
    else this.set({ graph, selection: [key], editNote: undefined, stale: this.state.response !== undefined });
  }

  /** Deletes the selected nodes (with their edges) and edges. */
  deleteSelected(): void {
    const graph = removeElements(this.state.graph, new Set(this.state.selection));
    if (graph !== this.state.graph)
      this.set({ graph, selection: [], editNote: undefined, stale: this.state.response !== undefined });
  }

  /** Keeps nodes where they were dragged; a drag makes the layout the saved positions. */
  moveNodes(positions: ReadonlyMap<string, Point>): void {
    const graph = moveNodes(this.state.graph, positions);
    if (graph !== this.state.graph) this.set({ graph, layout: 'preset' });
  }

  /** Records a layout and the positions it gave. */
  applyLayout(layout: LayoutName, positions: ReadonlyMap<string, Point>): void {
    this.set({ graph: moveNodes(this.state.graph, positions), layout });
  }

  /** Sets the selection (ids of nodes and edges, in selection order). */
  select(ids: readonly string[]): void {
    const same = ids.length === this.state.selection.length && ids.every((id, i) => this.state.selection[i] === id);
    if (!same) this.set({ selection: ids, editNote: undefined });
  }

  /** Runs the main file; the timeline opens at the first step, or at the failure. */
  async run(): Promise<void> {
    const id = ++this.runId;
    const { files, mainFile, graph, settings } = this.state;
    this.set({ status: 'running', progress: undefined, notice: undefined });
    // the trace as it streams in: all that is left of a run whose worker had to be terminated
    const received = new TraceAssembler();
    const onProgress = (p: RunProgress): void => {
      if (id !== this.runId) return;
      if (p.chunk) received.add(p.chunk);
      this.set({ progress: p });
    };
    try {
      // C-NET1: the run reaches only what the person approved, asked before it starts
      const { network, refused } = await this.approvedNetwork(files, mainFile);
      if (id !== this.runId) return;
      this.set({ networkRefused: refused });
      const response = await this.client.run(
        { files, main: mainFile, graph, settings, grants: { network } },
        { onProgress, onNetwork: pageNetwork(network) },
      );
      if (id !== this.runId) return;
      this.show(response, files);
    } catch (e) {
      if (id !== this.runId) return;
      const message = e instanceof Error ? e.message : String(e);
      if (received.steps === 0) {
        this.set({ status: 'idle', notice: message });
        return;
      }
      const steps = received.steps;
      const error = { ...terminated(e), name: 'StepgraphError', message, step: steps - 1 };
      this.show({ ok: false, trace: received.trace(error), error, stats: { steps, wallMs: 0, mainMs: 0 } }, files);
    }
  }

  /** The URL patterns the playground's manifests ask for that the person approved (asking if need be). */
  private async approvedNetwork(
    files: Readonly<Record<string, string>>,
    main: string,
  ): Promise<{ network: string[]; refused: string[] }> {
    if (!this.consent) return { network: [], refused: [] };
    // a sandbox that cannot say what is asked gets nothing: the run's fetches are refused
    const asked = await this.client.inspect({ files, main }).then(
      (r) => cleanPatterns(r.network),
      () => [],
    );
    const network = await this.consent.decide(files, main, asked);
    return { network, refused: asked.filter((p) => !network.includes(p)) };
  }

  /** Forgets the person's network decision about this code and runs it again, which asks anew. */
  async askNetworkAgain(): Promise<void> {
    await this.consent?.forget(this.state.files, this.state.mainFile);
    await this.run();
  }

  /** Shows a run recorded elsewhere (a trace file from the headless executor) as the last run. */
  showRecorded(response: RunResponse): void {
    this.runId++;
    this.show(response);
  }

  /** Shows a run's trace: at its failure, else where the last one was when that line still runs (`keepPosition.ts`), else at its start. */
  private show(response: RunResponse, files?: Readonly<Record<string, string>>): void {
    const reader = new TraceReader(response.trace);
    const failedAt = response.error?.step ?? -1;
    const kept = files ? keptStep(this.state, reader, files) : undefined;
    const step = failedAt >= 0 ? failedAt : (kept ?? 0);
    this.set({
      status: 'idle',
      response,
      reader,
      colors: colorsByName(response.trace.slots.map((s) => s.name)),
      step,
      breakpoints: ranAsTheyAre(this.state.breakpoints),
      activeFile:
        response.error?.file && response.error.file in this.state.files
          ? response.error.file
          : this.fileAt(step, reader),
      stale: false,
      ranFiles: files,
    });
  }

  /** Stops the run in flight. */
  stop(): void {
    this.client.cancel();
  }

  /** Shows step `n` (clamped to the trace); the editor follows the step into its file. */
  seek(n: number): void {
    const last = (this.state.reader?.length ?? 1) - 1;
    const step = Math.max(0, Math.min(last, Math.round(n)));
    if (step !== this.state.step) this.set({ step, activeFile: this.fileAt(step) });
  }

  private fileAt(step: number, reader = this.state.reader): string {
    const file = reader && reader.length > 0 ? reader.step(step).file : undefined;
    return file && file in this.state.files ? file : this.state.activeFile;
  }

  /** Shows another file in the editor. */
  setActiveFile(file: string): void {
    if (file in this.state.files && file !== this.state.activeFile) this.set({ activeFile: file });
  }

  /** Adds an empty file and shows it; refuses a name that is taken or not a script name. */
  addFile(name: string): string | undefined {
    const clean = name.trim();
    if (!/^[\w.-]+\.(ts|js)$/.test(clean)) return `“${clean}” is not a file name ending in .ts or .js`;
    if (clean in this.state.files) return `${clean} already exists`;
    this.set({
      files: { ...this.state.files, [clean]: '' },
      activeFile: clean,
      stale: this.state.response !== undefined,
    });
    return undefined;
  }

  /** Removes a file other than the main one. */
  removeFile(name: string): void {
    if (name === this.state.mainFile || !(name in this.state.files)) return;
    const { [name]: _gone, ...files } = this.state.files;
    const breakpoints = fitBreakpoints(this.state.breakpoints, name, undefined);
    this.set({ files, activeFile: this.state.mainFile, stale: this.state.response !== undefined, breakpoints });
  }

  /** Moves by `delta` steps. */
  move(delta: number): void {
    this.seek(this.state.step + delta);
  }
}
