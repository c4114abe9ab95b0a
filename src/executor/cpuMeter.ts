import type { Clock } from '../shared/clock';
import type { ModuleMonitor, ModuleRun } from './moduleMonitor';

/** Counts of what a run has recorded, which budgets are charged by. */
export interface Recorded {
  /** Graph operations and annotations recorded. */
  graphOps: number;
  /** The trace's estimated size in memory, in bytes. */
  traceBytes: number;
}

const NOTHING: Recorded = { graphOps: 0, traceBytes: 0 };

/**
 * Charges CPU time and steps to the module whose code is running (C-CPU1). JavaScript runs one
 * module at a time, so the run's time is cut into stretches, each charged to one module: a stretch
 * starts when a module is entered (its start, a resumed wait, a timer callback, a check or an
 * `await` resuming in it) and ends when another module is entered or the host's event loop gets
 * its turn back, which is how time spent waiting is never charged to anyone. The graph operations
 * and trace memory a stretch adds are charged to its module the same way (C-LIM6).
 */
export class CpuMeter {
  private active: ModuleRun | undefined;
  private since = 0;
  private stepsAt = 0;
  private opsAt = 0;
  private bytesAt = 0;
  private settling = false;

  constructor(
    private readonly clock: Clock,
    /** Steps recorded so far, run-wide. */
    private readonly stepCount: () => number,
    /** Resolves once the host's event loop has had a turn (a macrotask): the running code has returned to it. */
    private readonly turn: () => Promise<void>,
    private readonly monitor: ModuleMonitor,
    /** What the run has recorded so far besides steps: graph operations and the trace's bytes. */
    private readonly recorded: () => Recorded = () => NOTHING,
  ) {}

  /** The module whose code runs now. */
  get current(): ModuleRun | undefined {
    return this.active;
  }

  /** `m`'s code is about to run: what ran so far is charged to the module that ran it. */
  enter(m: ModuleRun): void {
    if (this.active === m) return;
    const left = this.close();
    if (left && !this.monitor.hasEnded(left)) this.monitor.sample(left, 'waiting');
    // the stretch starts now: time and steps since the last charge ran nobody's code
    this.since = this.clock.now();
    this.stepsAt = Math.max(this.stepsAt, this.stepCount());
    const r = this.recorded();
    this.opsAt = r.graphOps;
    this.bytesAt = r.traceBytes;
    this.active = m;
    this.monitor.sample(m, 'running');
    if (this.settling) return;
    this.settling = true;
    void this.turn().then(() => {
      this.settling = false;
      const idle = this.close();
      if (idle && !this.monitor.hasEnded(idle)) this.monitor.sample(idle, 'waiting');
    });
  }

  /**
   * A context check of `m`, before the step that makes `steps` run-wide: charges what ran since
   * the last charge, then throws if `m`'s context is cancelled, out of time or stopped.
   */
  check(m: ModuleRun, steps: number): void {
    this.enter(m);
    this.charge(m, steps);
    this.monitor.tick(m);
    m.ctx.check();
  }

  /** Charges what `m` recorded so far (a graph change just made) and throws if a budget ran out. */
  settle(m: ModuleRun): void {
    this.enter(m);
    this.charge(m, this.stepCount());
    if (m.ctx.cancelled) throw m.ctx.cancelled;
  }

  /**
   * `m`'s code awaits: its stretch is charged and ends here, rather than when the host next gets a
   * turn (which may come late on a busy machine and would charge the wait). Code of `m` that goes on
   * right after (the caller of an async function) is charged again from its next check or resume.
   */
  pause(m: ModuleRun): void {
    if (this.active !== m) return;
    this.close();
  }

  /** `m` has ended: its last stretch is charged. */
  end(m: ModuleRun): void {
    if (this.active === m) this.close();
  }

  /** The run-wide step count at which `m`'s step budget runs out: its next check must come before. */
  stepCap(m: ModuleRun): number {
    const left = m.ctx.remaining('execution/steps');
    return (this.active === m ? this.stepsAt : this.stepCount()) + left;
  }

  /** Charges the current stretch to its module and ends it; returns that module. */
  private close(): ModuleRun | undefined {
    const m = this.active;
    if (m) this.charge(m, this.stepCount());
    this.active = undefined;
    return m;
  }

  private charge(m: ModuleRun, steps: number): void {
    const now = this.clock.now();
    const ms = now - this.since;
    const n = steps - this.stepsAt;
    this.since = now;
    this.stepsAt = Math.max(this.stepsAt, steps);
    // a charge that trips a budget cancels the context; the module stops at its next step
    if (ms > 0) m.ctx.charge('execution/cpu-time', ms);
    if (n > 0) m.ctx.charge('execution/steps', n);
    const r = this.recorded();
    if (r.graphOps > this.opsAt) m.ctx.charge('graph/operations', r.graphOps - this.opsAt);
    if (r.traceBytes > this.bytesAt) m.ctx.charge('trace/bytes', r.traceBytes - this.bytesAt);
    this.opsAt = r.graphOps;
    this.bytesAt = r.traceBytes;
  }
}
