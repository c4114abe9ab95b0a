import type Graph from 'graphology';
import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import { CONTEXT_CODES, type Context } from '../runtime/context';
import type { Clock } from '../shared/clock';
import { StepgraphError, describeThrown } from '../shared/errors';
import type { CompiledFile } from '../tracer/instrument';
import type { Recorder } from '../tracer/recorder';
import type { TraceApi } from './traceApi';
import { CpuMeter, type Recorded } from './cpuMeter';
import { guardGraph } from './graphGuard';
import { RUN_CODES, classify } from './errorCodes';
import { ALLOWED_PACKAGES, resolveFile } from './layers';
import type { Manifest } from './manifest';
import { ModuleMonitor, type ModuleRun } from './moduleMonitor';
import { evaluate, type ModuleServices } from './moduleInstance';
import { scriptFetch } from './scriptFetch';
import type { ScopeFactory } from './confine';
import { spawnModule } from './spawn';

/** What the runner needs from the controller: the compiled playground and the run's shared pieces. */
export interface RunnerInputs {
  /** The playground's files. */
  files: Readonly<Record<string, string>>;
  /** Each file, compiled. */
  compiled: ReadonlyMap<string, CompiledFile>;
  /** Each file's manifest. */
  manifests: ReadonlyMap<string, Manifest>;
  /** The run's recorder. */
  recorder: Recorder;
  /** The run's graph. */
  graph: Graph;
  /** The run's seeded `Math`. */
  math: Math;
  /** The run's `trace` global. */
  trace: TraceApi;
}

/** What the runner needs from the host, through the kernel. */
export interface RunnerEnv {
  /** Monotonic time. */
  clock: Clock;
  /** Resolves after `ms`, through the kernel's `timer` device. */
  sleep(ms: number): Promise<void>;
  /** Submits AIO work to the kernel. */
  io<T>(kind: string, submission: unknown): Promise<T>;
  /** Resolves once the host's event loop has had a turn. */
  turn(): Promise<void>;
  /** Called at each context check, and while modules wait, with the run's steps (progress). */
  onCheck(steps: number): void;
  /** How module instances get their global scope; only `npm run bench` replaces the compartment, to measure it. */
  scope?: ScopeFactory;
}

/** How often a module that waits is checked for its time limit and for a stop (K-CTL2). */
const WATCH_EVERY_MS = 25;

/** One module instance's imports: each file's exports, filled as its body runs. */
type Loaded = Map<string, { exports: Record<string, unknown>; done: Promise<object>; settled: boolean }>;

/**
 * Runs module instances: the main module and every spawned one, each under its own context, each
 * with its own imports; charges their CPU time and steps (`CpuMeter`) and samples them (`ModuleMonitor`).
 */
export class ModuleRunner {
  /** The modules and their samples. */
  readonly monitor: ModuleMonitor;
  /** Who is charged for the time that passes. */
  readonly meter: CpuMeter;

  constructor(
    private readonly inputs: RunnerInputs,
    private readonly env: RunnerEnv,
  ) {
    const steps = (): number => inputs.recorder.stepCount;
    this.monitor = new ModuleMonitor(env.clock, steps);
    const recorded = (): Recorded => ({
      graphOps: inputs.recorder.graphOps.length,
      traceBytes: inputs.recorder.bytes(),
    });
    this.meter = new CpuMeter(env.clock, steps, () => env.turn(), this.monitor, recorded);
  }

  /** Runs `file` as a module instance under `ctx`: its body, then its default export (called with `input` when a function). */
  async run(file: string, ctx: Context, parent: ModuleRun | undefined, input: unknown): Promise<unknown> {
    const id = this.inputs.recorder.modules.push({ file, parent: parent?.id ?? -1 }) - 1;
    const m: ModuleRun = { id, file, ctx, parent };
    this.monitor.add(m);
    // stopped from outside (its parent ended, a budget of an ancestor ran out): it has failed as of now
    ctx.onTeardown(() => this.monitor.sample(m, 'failed', ctx.cancelled && classify(ctx.cancelled, { step: -1 }).code));
    const work = this.body(m, input);
    try {
      const result = await Promise.race([work, this.watch(ctx, work)]);
      this.end(m, undefined);
      return result;
    } catch (e) {
      this.end(m, e);
      throw e;
    }
  }

  private async body(m: ModuleRun, input: unknown): Promise<unknown> {
    this.meter.enter(m);
    const exports = await this.start(m.file, m.id, m, new Map());
    const main = exports.default;
    this.meter.enter(m);
    return typeof main === 'function' ? await (main as (input: unknown) => unknown)(input) : await main;
  }

  /** C-SPAWN4: a module that has ended is charged its last stretch, and its context ends, stopping its stray code and children. */
  private end(m: ModuleRun, error: unknown): void {
    this.meter.end(m);
    // the code the run would report for it: a script's own `{ code }` object is an exception, not a code
    const code = error === undefined ? undefined : classify(error, { step: -1 }).code;
    this.monitor.sample(m, error === undefined ? 'done' : 'failed', code);
    m.ctx.cancel(new StepgraphError(CONTEXT_CODES.ENDED, `executor/module: ${m.file} has ended`));
  }

  /** Evaluates one file of module instance `owner` (the instance's own file or one it imports). */
  private start(file: string, traceId: number, owner: ModuleRun, loaded: Loaded): Promise<Record<string, unknown>> {
    const exports = Object.create(null) as Record<string, unknown>;
    // registered before its body starts: the body's own imports may come back to it
    const entry = { exports, done: Promise.resolve<object>(exports), settled: false };
    loaded.set(file, entry);
    const done = evaluate(
      this.inputs.compiled.get(file) as CompiledFile,
      traceId,
      this.services(owner, traceId, loaded),
      exports,
    );
    entry.done = done;
    const settle = (): void => void (entry.settled = true);
    done.then(settle, settle);
    return done;
  }

  private load(spec: string, owner: ModuleRun, loaded: Loaded, from: number): Promise<object> {
    const pkg = ALLOWED_PACKAGES[spec];
    if (pkg) return Promise.resolve(pkg);
    const file = resolveFile(spec, this.inputs.files);
    if (!file || !this.inputs.compiled.has(file))
      return Promise.reject(new Error(`executor/import: "${spec}" is not allowed`));
    const entry = loaded.get(file);
    // a file met again while it still loads is an import cycle: as in ES modules, it gives its live exports at once
    if (entry) return entry.settled ? entry.done : Promise.resolve(entry.exports);
    // an imported file is a module instance of its own in the trace (so its top-level frame stays apart), in its importer's context
    return this.start(file, this.inputs.recorder.modules.push({ file, parent: from }) - 1, owner, loaded);
  }

  private services(owner: ModuleRun, traceId: number, loaded: Loaded): ModuleServices {
    const { meter, env } = this;
    const ctx = owner.ctx;
    return {
      recorder: this.inputs.recorder,
      // a graph change is charged as soon as it is made: one call may make many (C-LIM6)
      graph: guardGraph(this.inputs.graph, ctx, () => meter.settle(owner)),
      math: this.inputs.math,
      trace: this.inputs.trace,
      instance: loaded,
      ...(env.scope ? { scope: env.scope } : {}),
      context: ctx,
      check: (steps) => {
        meter.check(owner, steps);
        env.onCheck(steps);
      },
      get stepCap() {
        return meter.stepCap(owner);
      },
      enter: () => meter.enter(owner),
      pause: () => meter.pause(owner),
      uncaught: (e) => {
        // a limit or stop that tripped inside the callback is already the context's reason
        if (ctx.cancelled) return;
        const { name, message } = describeThrown(e);
        ctx.cancel(new StepgraphError(RUN_CODES.EXCEPTION, message, { name }));
      },
      load: (spec) => this.load(spec, owner, loaded, traceId),
      sleep: (ms) => env.sleep(ms),
      spawn: (file, input, options) =>
        spawnModule(
          {
            files: this.inputs.files,
            manifests: this.inputs.manifests,
            nextTick: () => env.io<void>('promise', undefined),
            run: (f, child) => this.run(f, child, owner, input),
          },
          ctx,
          file,
          options,
        ),
      fetch: (url, init) =>
        scriptFetch({ ctx, network: (r: NetworkRequest) => env.io<NetworkResponse>('network', r) }, url, init),
    };
  }

  /** Rejects when the context trips while the module waits (a timer, a hung promise): time and stop apply during awaits too. */
  private async watch(ctx: Context, work: Promise<unknown>): Promise<never> {
    let done = false;
    const stop = (): void => void (done = true);
    const settled = work.then(stop, stop);
    while (!done) {
      // the race lets this loop (and the run it holds) go as soon as the work ends: the pending
      // timer then keeps only the race's resolver, not the run's recorder
      await Promise.race([this.env.sleep(Math.min(WATCH_EVERY_MS, ctx.remainingMs() + 1)), settled]);
      if (done) break;
      ctx.check();
      // K-CTL2: progress stays fresh while every module waits
      this.env.onCheck(this.inputs.recorder.stepCount);
    }
    return new Promise<never>(() => {});
  }
}
