import { firstAbove } from '../../tracer/lineIndex';
import type { TraceReader } from '../../tracer/reader';
import { viewOf } from '../../tracer/view';

/** What a search for the next graph change found. */
export type ChangeSearch =
  | { kind: 'found'; step: number }
  /** Out of time: looked up to `step`, nothing yet; go on from there. */
  | { kind: 'pending'; step: number }
  | { kind: 'end' };

/**
 * Finds the next step whose graph looks different (a highlight, a badge, or a graph operation):
 * steps are compared by the highlights and badges their variables give, one after the other (a
 * variable leaving scope changes the view on a step that records nothing, so none can be skipped),
 * time-boxed so that playing never blocks a frame: a search that runs out of time says how far it got.
 */
export class GraphChanges {
  private readonly elements: ReadonlySet<string>;
  private readonly graphOpSteps: Uint32Array;
  private readonly items: number;

  constructor(
    private readonly reader: TraceReader,
    graphKeys: Iterable<string>,
  ) {
    this.elements = new Set(graphKeys);
    this.items = Math.max(100, this.elements.size);
    this.graphOpSteps = Uint32Array.from(reader.trace.graphOps.filter((o) => o.kind !== 'note').map((o) => o.step));
  }

  /** The first step after `from` that changes what the graph shows, looking for at most `budgetMs`. */
  next(from: number, budgetMs: number, now: () => number = () => performance.now()): ChangeSearch {
    const start = now();
    const base = this.signature(from);
    const end = this.reader.length;
    for (let s = from + 1, k = 0; s < end; s++, k++) {
      if (this.signature(s) !== base || this.graphOpsBetween(from, s)) return { kind: 'found', step: s };
      if ((k & 15) === 15 && now() - start > budgetMs) return { kind: 'pending', step: s };
    }
    return { kind: 'end' };
  }

  private graphOpsBetween(from: number, to: number): boolean {
    return firstAbove(this.graphOpSteps, to) > firstAbove(this.graphOpSteps, from);
  }

  /** What the graph shows at a step from variables, as text: who highlights what, and the badges. */
  private signature(step: number): string {
    const view = viewOf(this.reader.variables(step, { items: this.items, depth: 2 }), this.elements, new Map());
    const parts: string[] = [];
    for (const [k, list] of view.highlights) parts.push(`${k}:${list.map((h) => h.variable).join(',')}`);
    for (const [k, text] of view.badges) parts.push(`${k}=${text}`);
    return parts.sort().join('\n');
  }
}
