import { ManualClock } from '../src/shared/clock';

/** Timers on a manual clock: `advance` moves time and resolves the waits that are due. */
export class FakeTimers {
  readonly clock = new ManualClock();
  private pending: Array<{ at: number; resolve: () => void }> = [];
  readonly wait = (ms: number): Promise<void> =>
    new Promise((resolve) => this.pending.push({ at: this.clock.now() + ms, resolve }));
  /** Moves time in 1 ms ticks, resolving due waits and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    for (let i = 0; i < ms; i++) {
      this.clock.advance(1);
      const due = this.pending.filter((p) => p.at <= this.clock.now());
      this.pending = this.pending.filter((p) => p.at > this.clock.now());
      for (const p of due) p.resolve();
      for (let k = 0; k < 5; k++) await Promise.resolve();
    }
  }
}
