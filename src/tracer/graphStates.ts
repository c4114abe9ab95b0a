import type { TraceGraphOp } from '../protocol/trace';
import { applyGraphOps, cloneGraphState, emptyGraphState, graphStateSize, type GraphState } from './graphState';

/** Operations between two kept states, at least; more when the state is bigger than this. */
const MIN_GAP = 1024;

/**
 * The graph state after any number of a trace's graph operations, without replaying them all: it
 * keeps copies of the state along the way (a new one once as many operations have passed as the last
 * copy holds entries, so the copies together hold about as much as the operations) and replays only
 * from the nearest one. A seek costs about the size of the state, not the length of the run. Copies
 * are made as far as a seek has reached, so opening a trace costs nothing.
 */
export class GraphStates {
  /** Kept states, in order of `at` (how many operations each has applied). */
  private readonly kept: Array<{ at: number; state: GraphState }> = [{ at: 0, state: emptyGraphState() }];

  constructor(private readonly ops: readonly TraceGraphOp[]) {}

  /** A fresh state after the first `n` operations (the caller may keep or change it). */
  after(n: number): GraphState {
    const target = Math.max(0, Math.min(n, this.ops.length));
    const k = this.nearest(target);
    const from = this.kept[k] as { at: number; state: GraphState };
    const state = cloneGraphState(from.state);
    let at = from.at;
    const last = k === this.kept.length - 1;
    while (at < target) {
      const stop = last ? Math.min(target, at + Math.max(MIN_GAP, graphStateSize(state))) : target;
      applyGraphOps(state, this.ops, at, stop);
      at = stop;
      // the frontier moves on: keep this state for the seeks that come later
      if (last && at > (this.kept[this.kept.length - 1] as { at: number }).at && stop < target)
        this.kept.push({ at, state: cloneGraphState(state) });
    }
    return state;
  }

  /** The index of the last kept state at or before `n` operations. */
  private nearest(n: number): number {
    let lo = 0;
    let hi = this.kept.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.kept[mid] as { at: number }).at <= n) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
