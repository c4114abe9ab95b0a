import type Graph from 'graphology';
import type { RunProgress, RunRequest, RunResponse, RunSettings } from '../protocol/run';
import { DEFAULT_SETTINGS } from '../protocol/run';
import type { TraceError } from '../protocol/trace';
import type { RunErrorCode } from '../protocol/codes';
import type { Clock } from '../shared/clock';
import { CONTEXT_CODES, Context } from '../runtime/context';
import { StepgraphError, describeThrown } from '../shared/errors';
import { writeProgress, stopRequested } from '../shared/control';
import { DEFAULT_LIMITS, isLimitName, tighten, type LimitName, type Limits } from '../runtime/limits';
import { err, ok, type Result } from '../shared/result';
import { permissionList } from '../runtime/permissions';
import { Recorder } from '../tracer/recorder';
import { Tables } from '../tracer/tables';
import type { CompiledFile } from '../tracer/instrument';
import { compilePlayground } from './compileCache';
import { snapshot } from '../tracer/values';
import { buildGraph } from './graphController';
import { createTraceApi } from './traceApi';
import { recordGraphEvents } from './graphEvents';
import { readLiteral } from './literal';
import { DEFAULT_PERMISSIONS, NO_MANIFEST, parseManifest, type Manifest } from './manifest';
import { ALLOWED_PACKAGES, resolveFile, seededMath } from './layers';
import { ModuleRunner } from './moduleRunner';
import type { ScopeFactory } from './confine';
import { RUN_CODES, classify } from './errorCodes';
import { grantedIo, parseGrants } from './netGrants';
import type { UrlPattern } from '../shared/urlPattern';

/** What the controller needs from its host: time, the kernel's AIO, an outside stop. */
export interface ControllerEnv {
  /** Monotonic time. */
  clock: Clock;
  /** Resolves after `ms`, through the kernel's AIO timers. */
  sleep(ms: number): Promise<void>;
  /** Submits AIO work to the kernel (`promise`, `network`…). */
  io<T>(kind: string, submission: unknown): Promise<T>;
  /** Resolves once the host's event loop has had a turn (a macrotask): how CPU time stops being charged. */
  turn(): Promise<void>;
  /** True once the host asked the run to stop. */
  stopRequested?: () => boolean;
  /** Progress listener. */
  onProgress?: (p: RunProgress) => void;
  /** Progress reports carry the trace recorded since the previous one (T-CHUNK1). */
  streamTrace?: boolean;
  /** Milliseconds between progress reports (100 unless said): the headless host streams its chunks more often. */
  progressEveryMs?: number;
  /** The control block (K-CTL1): its stop flag is read, and progress written, at every check. */
  control?: Int32Array;
  /** Module instances' global scopes; only `npm run bench` replaces the compartment, to measure it. */
  scope?: ScopeFactory;
  /** False runs the files compiled without instrumentation (module syntax only): the conformance runner's native side. */
  traced?: boolean;
}

const PROGRESS_EVERY_MS = 100;

/**
 * Turns a request into a traced run in four phases (after the Graphery executor):
 * init (request and graph), prep (compile, imports, manifest), main (run), post (response).
 * Each phase that fails ends the run with a stable code; the trace recorded so far is kept.
 */
export class Controller {
  private settings: RunSettings = DEFAULT_SETTINGS;
  private graph!: Graph;
  private tables = new Tables();
  private recorder = new Recorder(this.tables);
  private compiled: ReadonlyMap<string, CompiledFile> = new Map();
  private readonly manifests = new Map<string, Manifest>();
  private runner: ModuleRunner | undefined;
  private failure: TraceError | undefined;
  private root: Context | undefined;
  private readonly startedAt: number;
  private mainStartedAt = 0;
  /** Time spent in the main phase (the script itself), without compiling. */
  private mainMs = 0;
  private lastProgress = 0;
  private result: unknown;
  /** Limits the settings lower (C-LIM6). */
  private lowered: Limits = {};
  /** URL patterns the host approved for this run (C-NET1). */
  private grants: readonly UrlPattern[] = [];

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
    const lowered = checkLimits(s.limits);
    if (!lowered.ok) return this.fail('init', RUN_CODES.BAD_REQUEST, lowered.error);
    this.settings = s;
    this.lowered = lowered.value;
    const grants = parseGrants(r.grants);
    if (!grants.ok) return this.fail('init', RUN_CODES.BAD_REQUEST, grants.error);
    this.grants = grants.value;
    const g = buildGraph(r.graph);
    if (!g.ok) return this.fail('init', RUN_CODES.BAD_GRAPH, `bad graph: ${g.error}`);
    this.graph = g.value;
    return true;
  }

  /** Compiles every file (a syntax error anywhere is reported before anything runs), checks imports and the manifest. */
  prep(): boolean {
    const files = this.request.files;
    const made = compilePlayground(files, this.request.main, this.env.traced !== false);
    if (!made.ok) {
      const e = made.error;
      const where = { file: e.file, line: e.line, column: e.column };
      if (e.internal) return this.fail('prep', RUN_CODES.INTERNAL, e.message, where);
      return this.fail(
        'prep',
        e.forbidden ? RUN_CODES.FORBIDDEN_SYNTAX : RUN_CODES.SYNTAX,
        e.message,
        { file: e.file, line: e.line, column: e.column },
        e.forbidden ? 'StepgraphError' : 'SyntaxError',
      );
    }
    this.tables = made.value.tables;
    this.recorder = new Recorder(this.tables);
    this.compiled = made.value.compiled;
    for (const [name, file] of this.compiled) {
      for (const imp of file.imports) {
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
    // C-MAN1: every file's manifest, for the main module and for any file a module may spawn
    for (const [name, file] of this.compiled) {
      if (!file.manifest) continue;
      const lit = readLiteral(file.manifest);
      const m = lit.ok ? parseManifest(lit.value) : lit;
      if (!m.ok)
        return this.fail('prep', RUN_CODES.BAD_MANIFEST, m.error, {
          file: name,
          line: file.manifest.loc?.start.line,
          column: (file.manifest.loc?.start.column ?? 0) + 1,
        });
      this.manifests.set(name, m.value);
    }
    return true;
  }

  /** Runs the main module; resolves when it and its default export are done, or rejects with what stopped it. */
  async main(): Promise<void> {
    const { settings, env } = this;
    // the host's context: the settings' limits, every permission (the main module's manifest says which it takes)
    const hostLimits: Limits = tighten(
      { ...DEFAULT_LIMITS, 'execution/total-time': settings.timeLimitMs, 'execution/steps': settings.stepLimit },
      this.lowered,
    );
    const stop = env.control ? () => stopRequested(env.control as Int32Array) : env.stopRequested;
    const root = new Context({
      limits: hostLimits,
      permissions: 'all',
      clock: env.clock,
      wait: (ms) => env.sleep(ms),
      ...(stop ? { stop } : {}),
    });
    this.root = root;
    const manifest = this.manifests.get(this.request.main) ?? NO_MANIFEST;
    // C-MAN3: the settings cap the main module's own limits rather than refuse them
    const own: Partial<Record<LimitName, number>> = {};
    for (const [name, n] of Object.entries(manifest.limits) as Array<[LimitName, number]>)
      own[name] = Math.min(n, hostLimits[name] ?? Infinity);
    // the output budget is the run's: the main module's own, capped by the settings
    const budget = tighten(hostLimits, own);
    this.recorder.output.limit({ lines: budget['output/lines'], chars: budget['output/chars'] });
    const ctx = new Context({
      parent: root,
      limits: own satisfies Limits,
      permissions: manifest.permissions ? permissionList(manifest.permissions) : DEFAULT_PERMISSIONS,
    });
    const runner = new ModuleRunner(
      {
        files: this.request.files,
        compiled: this.compiled,
        manifests: this.manifests,
        recorder: this.recorder,
        graph: this.graph,
        math: seededMath(settings.seed),
        trace: createTraceApi(this.graph, this.recorder),
      },
      {
        clock: env.clock,
        sleep: (ms) => env.sleep(ms),
        // C-NET2: every network request of the run, whichever module makes it, is held to the host's grants
        io: grantedIo(this.grants, (kind, sub) => env.io(kind, sub)),
        turn: () => env.turn(),
        onCheck: (steps) => this.progress(steps),
        ...(env.scope ? { scope: env.scope } : {}),
      },
    );
    this.runner = runner;
    this.mainStartedAt = env.clock.now();
    if (env.control) writeProgress(env.control, 'RUNNING', 0, this.mainStartedAt - this.startedAt);
    // every change made through graphology lands on its step as a graph operation
    const stopRecording = recordGraphEvents(this.graph, this.recorder);
    try {
      this.result = await runner.run(this.request.main, ctx, undefined, this.request.input);
    } finally {
      this.mainMs = env.clock.now() - this.mainStartedAt;
      stopRecording();
    }
  }

  private progress(steps: number): void {
    const now = this.env.clock.now();
    if (this.env.control) writeProgress(this.env.control, 'RUNNING', steps, now - this.startedAt);
    if (!this.env.onProgress || now - this.lastProgress < (this.env.progressEveryMs ?? PROGRESS_EVERY_MS)) return;
    this.lastProgress = now;
    this.env.onProgress({
      steps,
      elapsedMs: now - this.startedAt,
      timeLimitMs: this.settings.timeLimitMs,
      ...(this.env.streamTrace ? { chunk: this.recorder.chunk() } : {}),
    });
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
    const stats = { steps: trace.stepCount, wallMs, mainMs: this.mainMs };
    if (this.env.control) writeProgress(this.env.control, 'ENDED', trace.stepCount, wallMs);
    const modules = this.runner ? { modules: this.runner.monitor.report() } : {};
    if (this.failure) return { ok: false, trace, error: this.failure, stats, ...modules };
    return { ok: true, trace, result: snapshot(this.result), stats, ...modules };
  }

  private fail(
    kind: 'init' | 'prep',
    code: RunErrorCode,
    message: string,
    where: { file?: string; line?: number; column?: number } = {},
    name = 'StepgraphError',
  ): false {
    this.failure = { kind, code, name, message: `executor/${kind}: ${message}`, step: -1, ...where };
    return false;
  }
}

/** The settings' lowered limits, checked: known names, positive numbers (C-LIM6). */
function checkLimits(asked: unknown): Result<Limits, string> {
  if (asked === undefined) return ok({});
  if (typeof asked !== 'object' || asked === null || Array.isArray(asked))
    return err('settings.limits must map limit names to numbers');
  const out: Partial<Record<LimitName, number>> = {};
  for (const [name, value] of Object.entries(asked)) {
    if (!isLimitName(name)) return err(`settings.limits: unknown limit "${name.slice(0, 64)}"`);
    if (typeof value !== 'number' || !(value > 0)) return err(`settings.limits: ${name} must be a positive number`);
    out[name] = value;
  }
  return ok(out);
}
