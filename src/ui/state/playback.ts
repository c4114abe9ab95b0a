import type { TraceReader } from '../../tracer/reader';
import { breakpointName } from './breakpoints';
import { breakpointSearch } from './breakpointSearch';
import { GraphChanges } from './graphChanges';
import type { PlaygroundStore } from './store';

/** How fast Play moves: steps a second, one step per drawn frame, or the whole run in ten seconds. */
export const SPEEDS = [
  { id: '1', label: '1 step/s', perSecond: 1 },
  { id: '2', label: '2 steps/s', perSecond: 2 },
  { id: '5', label: '5 steps/s', perSecond: 5 },
  { id: '10', label: '10 steps/s', perSecond: 10 },
  { id: '30', label: '30 steps/s', perSecond: 30 },
  { id: 'frame', label: 'Every frame', perSecond: 0 },
  { id: 'sweep', label: 'Whole run in 10 s', perSecond: 0 },
] as const;
/** One of {@link SPEEDS}. */
export type SpeedId = (typeof SPEEDS)[number]['id'];

/** Frames a sweep takes: ten seconds at 60 frames a second. */
const SWEEP_FRAMES = 600;
/** Time one frame may spend looking for the next graph change. */
const SCAN_MS = 6;

/** What the playback controls show. */
export interface PlaybackState {
  /** True while playing. */
  playing: boolean;
  /** The speed chosen. */
  speed: SpeedId;
  /** Play skips to the next step that changes the graph. */
  graphOnly: boolean;
  /** Why playback or a jump stopped where it did, for the step it stopped at. */
  note: { step: number; text: string; breakpoint?: number } | undefined;
  /** Per breakpoint of the store's list: the first error its condition gave while searching. */
  errors: ReadonlyArray<string | undefined>;
}

/** Schedules frames: `requestAnimationFrame` in the page, a fake clock in tests. */
export interface FrameClock {
  request(cb: (time: number) => void): number;
  cancel(id: number): void;
}

const pageClock: FrameClock = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

/** Milliseconds of graph animation between steps at a speed (none once steps come faster than it could show). */
export function animationMs(state: PlaybackState): number {
  const speed = SPEEDS.find((s) => s.id === state.speed);
  if (!state.playing || !speed || speed.perSecond === 0 || speed.perSecond > 5 || state.graphOnly) return 0;
  return Math.round(Math.min(400, 700 / speed.perSecond));
}

/**
 * Play, pause, speed, and the jumps to breakpoints, outside React like the store. Playing moves the
 * store's step once per drawn frame at most (however many steps that frame is worth), so the page
 * renders each frame once; it stops at a breakpoint, at the end, and when a new run replaces the trace.
 */
export class Playback {
  private state: PlaybackState = { playing: false, speed: '5', graphOnly: false, note: undefined, errors: [] };
  private readonly listeners = new Set<() => void>();
  private frame: number | undefined;
  private lastTime: number | undefined;
  private carry = 0;
  private changes: { reader: TraceReader; finder: GraphChanges } | undefined;
  /** Where the search for the next graph change got to, when a frame ran out of time. */
  private scanned: number | undefined;
  private reader: TraceReader | undefined;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly clock: FrameClock = pageClock,
  ) {
    this.reader = store.getSnapshot().reader;
    store.subscribe(() => {
      const reader = this.store.getSnapshot().reader;
      if (reader === this.reader) return;
      this.reader = reader;
      this.pause();
      this.set({ note: undefined, errors: [] });
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PlaybackState => this.state;

  private set(patch: Partial<PlaybackState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Starts playing from the step on screen (from the first step when at the end). */
  play(): void {
    const { reader, step } = this.store.getSnapshot();
    if (this.state.playing || !reader || reader.length < 2) return;
    if (step >= reader.length - 1) this.store.seek(0);
    this.lastTime = undefined;
    this.carry = 1; // the first step comes at once, not after a whole interval
    this.scanned = undefined;
    this.set({ playing: true, note: undefined });
    this.schedule();
  }

  /** Stops where it is. */
  pause(note?: PlaybackState['note']): void {
    if (this.frame !== undefined) this.clock.cancel(this.frame);
    this.frame = undefined;
    if (this.state.playing || note) this.set({ playing: false, ...(note ? { note } : {}) });
  }

  /** Play or pause. */
  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  /** Chooses a speed (playing goes on at it). */
  setSpeed(speed: SpeedId): void {
    if (SPEEDS.some((s) => s.id === speed)) this.set({ speed });
  }

  /** Play only the steps that change the graph, or every step. */
  setGraphOnly(on: boolean): void {
    this.scanned = undefined;
    this.set({ graphOnly: on });
  }

  /** Jumps to the next breakpoint hit after the step on screen. */
  nextBreakpoint(): void {
    this.jump(1);
  }

  /** Jumps to the last breakpoint hit before the step on screen. */
  previousBreakpoint(): void {
    this.jump(-1);
  }

  private jump(dir: 1 | -1): void {
    this.pause();
    const { reader, step, breakpoints, stale } = this.store.getSnapshot();
    if (!reader) return;
    const search = breakpointSearch(reader, breakpoints);
    const hit = dir > 0 ? search.next(step) : search.previous(step);
    this.set({ errors: search.errors() });
    if (hit) {
      this.store.seek(hit.step);
      this.set({ note: this.hitNote(hit.step, hit.breakpoint) });
      return;
    }
    const cut = search.cut();
    if (cut !== undefined) {
      // out of condition checks: stop where the search is sure, and let the next press go on
      this.store.seek(cut - dir);
      const text = `No hit up to step ${cut + 1 - dir} (the condition was checked 50,000 times): press again to go on`;
      this.set({ note: { step: this.store.getSnapshot().step, text } });
      return;
    }
    const unsearched = breakpoints.some((b) => b.ranLine === undefined);
    const where = dir > 0 ? 'after' : 'before';
    const text =
      breakpoints.length === 0
        ? 'No breakpoints: click beside a line number to set one'
        : `No breakpoint is hit ${where} this step${unsearched && stale ? ' (Run to look for the ones set since)' : ''}`;
    this.set({ note: { step, text } });
  }

  private hitNote(step: number, index: number): NonNullable<PlaybackState['note']> {
    const b = this.store.getSnapshot().breakpoints[index];
    const name = b ? breakpointName({ ...b, line: b.ranLine ?? b.line }) : '?';
    return { step, breakpoint: index, text: `Breakpoint ${name}${b?.condition ? ` (${b.condition})` : ''}` };
  }

  private schedule(): void {
    this.frame = this.clock.request((t) => this.tick(t));
  }

  private tick(time: number): void {
    this.frame = undefined;
    if (!this.state.playing) return;
    const { reader, step } = this.store.getSnapshot();
    if (!reader || reader.length === 0) return this.pause();
    // a hidden tab or a long frame does not turn into a burst of steps
    const dt = this.lastTime === undefined ? 0 : Math.min(250, time - this.lastTime);
    this.lastTime = time;
    const speed = SPEEDS.find((s) => s.id === this.state.speed) ?? SPEEDS[2];
    let n: number;
    if (speed.perSecond > 0) {
      this.carry += (dt * speed.perSecond) / 1000;
      n = Math.floor(this.carry);
      this.carry -= n;
    } else n = speed.id === 'sweep' ? Math.max(1, Math.ceil(reader.length / SWEEP_FRAMES)) : 1;
    if (n > 0) this.advance(reader, step, n);
    if (this.state.playing) this.schedule();
  }

  private advance(reader: TraceReader, from: number, n: number): void {
    const last = reader.length - 1;
    let target = Math.min(from + n, last);
    if (this.state.graphOnly) {
      const found = this.graphChanges(reader).next(this.scanned ?? from, SCAN_MS);
      this.scanned = found.kind === 'pending' ? found.step : undefined;
      target = found.kind === 'found' || found.kind === 'pending' ? found.step : last;
    }
    const { breakpoints } = this.store.getSnapshot();
    const search = breakpoints.length > 0 ? breakpointSearch(reader, breakpoints) : undefined;
    const hit = search?.next(from, target);
    const cut = search?.cut();
    // out of condition checks inside this frame's steps: show where the search is sure, go on next frame
    if (!hit && cut !== undefined) target = Math.max(from, cut - 1);
    if (hit) {
      this.store.seek(hit.step);
      this.set({ errors: search?.errors() ?? [] });
      this.pause(this.hitNote(hit.step, hit.breakpoint));
      return;
    }
    if (this.scanned !== undefined) return; // still looking: the step on screen stays
    this.store.seek(target);
    if (target >= last) this.pause({ step: last, text: 'End of the run' });
  }

  private graphChanges(reader: TraceReader): GraphChanges {
    if (this.changes?.reader !== reader) {
      const { graph } = this.store.getSnapshot();
      const keys = [...graph.nodes.map((n) => n.key), ...graph.edges.flatMap((e) => (e.key ? [e.key] : []))];
      this.changes = { reader, finder: new GraphChanges(reader, keys) };
    }
    return this.changes.finder;
  }
}
