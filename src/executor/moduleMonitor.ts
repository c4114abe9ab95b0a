import type { ModuleInfo, ModuleSample, ModuleState, ModulesReport } from '../protocol/modules';
import type { RunErrorCode } from '../protocol/codes';
import type { Context } from '../runtime/context';
import type { Clock } from '../shared/clock';

/** A module instance that has a context of its own: the main module or a spawned one. */
export interface ModuleRun {
  /** Its id in the trace's module table. */
  readonly id: number;
  /** The file it runs. */
  readonly file: string;
  /** Its context. */
  readonly ctx: Context;
  /** The module that spawned it. */
  readonly parent: ModuleRun | undefined;
}

/** A busy module's usage is sampled after this long or this many steps, whichever comes first. */
const SAMPLE_EVERY_MS = 50;
const SAMPLE_EVERY_STEPS = 200;

/** Collects the modules of a run and samples of their state and usage (C-MOD1, C-MOD2). */
export class ModuleMonitor {
  private readonly infos: ModuleInfo[] = [];
  private readonly samples: ModuleSample[] = [];
  private readonly lastAt = new Map<ModuleRun, number>();
  private readonly lastStep = new Map<ModuleRun, number>();
  private readonly ended = new Set<ModuleRun>();
  private readonly states = new Map<ModuleRun, ModuleState>();

  constructor(
    private readonly clock: Clock,
    /** Steps recorded so far, run-wide. */
    private readonly stepCount: () => number,
  ) {}

  /** Registers a module that starts now. */
  add(m: ModuleRun): void {
    const permissions: Record<string, string[]> = {};
    const granted = m.ctx.permissions;
    for (const p of granted === 'all' ? [] : granted) (permissions[p.kind] ??= []).push(p.pattern);
    this.infos.push({
      id: m.id,
      file: m.file,
      parent: m.parent?.id ?? -1,
      limits: { ...m.ctx.effectiveLimits() },
      permissions,
    });
  }

  /**
   * Records `m`'s state and usage from the next step on; nothing changes once it has ended. Its
   * ancestors are sampled too, in the state they were in: their usage includes what `m` used.
   */
  sample(m: ModuleRun, state: ModuleState, error?: RunErrorCode): void {
    if (this.ended.has(m)) return;
    this.record(m, state, error);
    for (let p = m.parent; p; p = p.parent) {
      const last = this.states.get(p);
      if (last === 'running' || last === 'waiting') this.record(p, last);
    }
  }

  private record(m: ModuleRun, state: ModuleState, error?: RunErrorCode): void {
    if (state === 'done' || state === 'failed') this.ended.add(m);
    this.states.set(m, state);
    const now = this.clock.now();
    this.lastAt.set(m, now);
    this.lastStep.set(m, this.stepCount());
    const { steps, cpuMs } = m.ctx.usage;
    this.samples.push({
      step: this.stepCount(),
      module: m.id,
      state,
      steps,
      cpuMs: Math.round(cpuMs * 10) / 10,
      elapsedMs: Math.round(now - m.ctx.startedAt),
      ...(error === undefined ? {} : { error }),
    });
  }

  /** Samples a busy module's usage now and then (every ~50 ms of its running, or ~200 steps: short runs show it move too). */
  tick(m: ModuleRun): void {
    const late = this.clock.now() - (this.lastAt.get(m) ?? -Infinity) >= SAMPLE_EVERY_MS;
    if (late || this.stepCount() - (this.lastStep.get(m) ?? -Infinity) >= SAMPLE_EVERY_STEPS) this.sample(m, 'running');
  }

  /** Whether `m` has ended. */
  hasEnded(m: ModuleRun): boolean {
    return this.ended.has(m);
  }

  /** The modules and their samples, in step order. */
  report(): ModulesReport {
    return { modules: this.infos.slice(), samples: this.samples.slice() };
  }
}
