import type Graph from 'graphology';
import type { RunProgress, RunRequest, RunResponse, RunSettings } from '../protocol/run';
import { DEFAULT_SETTINGS } from '../protocol/run';
import type { TraceError } from '../protocol/trace';
import type { Clock } from '../shared/clock';
import { CONTEXT_CODES, Context } from '../runtime/context';
import { StepgraphError, describeThrown } from '../shared/errors';
import { tighten } from '../runtime/limits';
import { Recorder } from '../tracer/recorder';
import { Tables } from '../tracer/tables';
import { compileFile, type CompiledFile } from '../tracer/instrument';
import { snapshot } from '../tracer/values';
import { buildGraph } from './graphController';
import { readLiteral } from './literal';
import { parseManifest, type Manifest } from './manifest';
import { ALLOWED_PACKAGES, resolveFile, seededMath } from './layers';
import { evaluate, type ModuleServices } from './moduleInstance';
import { RUN_CODES, classify } from './errorCodes';

/** What the controller needs from its host: time, timers through the kernel, an outside stop. */
export interface ControllerEnv {
  /** Monotonic time. */
  clock: Clock;
  /** Resolves after `ms`, through the kernel's AIO timers. */
  sleep(ms: number): Promise<void>;
  /** True once the host asked the run to stop. */
  stopRequested?: () => boolean;
  /** Progress listener. */
  onProgress?: (p: RunProgress) => void;
}

const PROGRESS_EVERY_MS = 100;
const WATCH_EVERY_MS = 50;

/**
 * Turns a request into a traced run in four phases (after the Graphery executor):
 * init (request and graph), prep (compile, imports, manifest), main (run), post (response).
 * Each phase that fails ends the run with a stable code; the trace recorded so far is kept.
 */
export class Controller {
  private settings: RunSettings = DEFAULT_SETTINGS;
  private graph!: Graph;
  private readonly tables = new Tables();
  private readonly recorder = new Recorder(this.tables);
  private readonly compiled = new Map<string, CompiledFile>();
  private manifest: Manifest = { permissions: {}, limits: {} };
  private failure: TraceError | undefined;
  private root: Context | undefined;
  private readonly startedAt: number;
  private lastProgress = 0;
  private result: unknown;

  constructor(
    private readonly request: RunRequest,
    private readonly env: ControllerEnv,
  ) {
    this.startedAt = env.clock.now();
  }

  /** Checks the request and builds the graph. */
  init(): boolean {
    const r = this.request as Partial<RunRequest> | null;
    if (!r || typeof r !== 'object') return this.fail('init', RUN_CODES.BAD_REQUEST, 'the request must be an object');
    if (!r.files || typeof r.files !== 'object' || Object.values(r.files).some((v) => typeof v !== 'string')) {
      return this.fail('init', RUN_CODES.BAD_REQUEST, 'files must map file names to source text');
    }
    if (typeof r.main !== 'string' || !(r.main in r.files))
      return this.fail('init', RUN_CODES.BAD_REQUEST, `the main file "${String(r.main)}" is not among the files`);
    const s = { ...DEFAULT_SETTINGS, ...(r.settings ?? {}) };
    if (!(s.timeLimitMs > 0) || !(s.stepLimit > 0) || typeof s.seed !== 'string') {
      return this.fail(
        'init',
        RUN_CODES.BAD_REQUEST,
        'settings need a positive timeLimitMs and stepLimit and a string seed',
      );
    }
    this.settings = s;
    const g = buildGraph(r.graph);
    if (!g.ok) return this.fail('init', RUN_CODES.BAD_GRAPH, `bad graph: ${g.error}`);
    this.graph = g.value;
    return true;
  }

  /** Compiles every file (a syntax error anywhere is reported before anything runs), checks imports and the manifest. */
  prep(): boolean {
    const files = this.request.files;
    for (const name of [this.request.main, ...Object.keys(files).filter((f) => f !== this.request.main)]) {
      this.tables.file(name);
    }
    for (const name of this.tables.files) {
      const r = compileFile(name, files[name] as string, this.tables);
      if (!r.ok)
        return this.fail(
          'prep',
          RUN_CODES.SYNTAX,
          r.error.message,
          { file: name, line: r.error.line, column: r.error.column },
          'SyntaxError',
        );
      this.compiled.set(name, r.value);
      for (const imp of r.value.imports) {
        const where = { file: name, line: imp.line, column: imp.column };
        if (imp.source.startsWith('.')) {
          if (!resolveFile(imp.source, files))
            return this.fail('prep', RUN_CODES.MISSING_FILE, `"${imp.source}" is not a file of this playground`, where);
        } else if (!(imp.source in ALLOWED_PACKAGES)) {
          return this.fail(
            'prep',
            RUN_CODES.FORBIDDEN_IMPORT,
            `importing "${imp.source}" is not allowed (allowed: ${Object.keys(ALLOWED_PACKAGES).join(', ')} and the playground's own files)`,
            where,
          );
        }
      }
    }
    const main = this.compiled.get(this.request.main) as CompiledFile;
    if (main.manifest) {
      const lit = readLiteral(main.manifest);
      const m = lit.ok ? parseManifest(lit.value) : lit;
      if (!m.ok)
        return this.fail('prep', RUN_CODES.BAD_MANIFEST, m.error, {
          file: this.request.main,
          line: main.manifest.loc?.start.line,
          column: (main.manifest.loc?.start.column ?? 0) + 1,
        });
      this.manifest = m.value;
    }
    return true;
  }

  /** Runs the main module; resolves when it and its default export are done, or rejects with what stopped it. */
  async main(): Promise<void> {
    const limits = tighten(
      { totalTimeMs: this.settings.timeLimitMs, steps: this.settings.stepLimit },
      this.manifest.limits,
    );
    const root = new Context(limits, this.env.clock, undefined, this.env.stopRequested);
    this.root = root;
    this.recorder.modules.push({ file: this.request.main, parent: -1 });
    const run = this.runMain(root);
    await Promise.race([run, this.watch(root, run)]);
  }

  private async runMain(root: Context): Promise<void> {
    // per file: its exports (filled as its body runs) and its whole evaluation
    const loaded = new Map<string, { exports: Record<string, unknown>; done: Promise<object>; settled: boolean }>();
    const start = (file: string, id: number, ctx: Context): Promise<Record<string, unknown>> => {
      const exports = Object.create(null) as Record<string, unknown>;
      // registered before its body starts: the body's own imports may come back to it
      const entry = { exports, done: Promise.resolve<object>(exports), settled: false };
      loaded.set(file, entry);
      const done = evaluate(this.compiled.get(file) as CompiledFile, id, ctx, services, exports);
      entry.done = done;
      const settle = (): void => void (entry.settled = true);
      done.then(settle, settle);
      return done;
    };
    let charged = 0;
    const services: ModuleServices = {
      recorder: this.recorder,
      graph: this.graph,
      math: seededMath(this.settings.seed),
      // the recorder counts steps run-wide: each is charged once, whichever module's probe checks
      chargeSteps: (ctx: Context, stepsSoFar: number) => {
        const n = stepsSoFar - charged;
        charged = stepsSoFar;
        ctx.chargeSteps(n);
      },
      // the manifest may have tightened the settings' step limit
      stepCap: root.limits.steps,
      sleep: (ms: number) => this.env.sleep(ms),
      onCheck: (steps: number) => this.progress(steps),
      load: (spec: string, ctx: Context, module: number): Promise<object> => {
        const pkg = ALLOWED_PACKAGES[spec];
        if (pkg) return Promise.resolve(pkg);
        const file = resolveFile(spec, this.request.files);
        const compiled = file ? this.compiled.get(file) : undefined;
        if (!file || !compiled) return Promise.reject(new Error(`executor/import: "${spec}" is not allowed`));
        const entry = loaded.get(file);
        // a file met again while it still loads is an import cycle: as in ES modules, it gives its live exports at once
        if (entry) return entry.settled ? entry.done : Promise.resolve(entry.exports);
        // an imported file is a module instance of its own in the trace, so its top-level frame stays apart
        return start(file, this.recorder.modules.push({ file, parent: module }) - 1, ctx);
      },
    };
    const exports = await start(this.request.main, 0, root);
    const main = exports.default;
    this.result =
      typeof main === 'function' ? await (main as (input: unknown) => unknown)(this.request.input) : await main;
  }

  /** Rejects when the context trips while the module waits (a timer, a hung promise): time and stop apply during awaits too. */
  private async watch(root: Context, run: Promise<void>): Promise<void> {
    let done = false;
    void run.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) {
      await this.env.sleep(Math.min(WATCH_EVERY_MS, root.remainingMs() + 1));
      if (done) return;
      root.check();
    }
  }

  private progress(steps: number): void {
    const now = this.env.clock.now();
    if (!this.env.onProgress || now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.env.onProgress({ steps, elapsedMs: now - this.startedAt, timeLimitMs: this.settings.timeLimitMs });
  }

  /** Records a failure of the executor itself (a bug, not the script's): the run still ends with a response. */
  internalFailed(e: unknown): void {
    const { name, message } = describeThrown(e);
    this.failure = {
      kind: 'internal',
      code: RUN_CODES.INTERNAL,
      name,
      message: `executor/internal: ${message}`,
      step: this.recorder.stepCount - 1,
    };
  }

  /** Records what stopped the main phase. */
  mainFailed(e: unknown): void {
    const rec = this.recorder;
    const last = rec.stepCount - 1;
    const st = last >= 0 ? this.tables.statements[rec.stepStatement[last] as number] : undefined;
    const where = st
      ? { file: this.tables.files[st.file], line: st.line, column: st.column, step: last }
      : { step: last };
    this.failure = classify(e, where);
  }

  /** The response, whatever happened. */
  post(): RunResponse {
    // stray async code of the script (a forgotten timer) stops at its next step
    this.root?.cancel(new StepgraphError(CONTEXT_CODES.STOPPED, 'executor/post: the run has ended'));
    const trace = this.recorder.finish(this.failure);
    const wallMs = this.env.clock.now() - this.startedAt;
    const stats = { steps: trace.stepCount, wallMs };
    if (this.failure) return { ok: false, trace, error: this.failure, stats };
    return { ok: true, trace, result: snapshot(this.result), stats };
  }

  private fail(
    kind: 'init' | 'prep',
    code: string,
    message: string,
    where: { file?: string; line?: number; column?: number } = {},
    name = 'StepgraphError',
  ): false {
    this.failure = { kind, code, name, message: `executor/${kind}: ${message}`, step: -1, ...where };
    return false;
  }
}
