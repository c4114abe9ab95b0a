import type { GraphCore } from './cytoscape';
import type { StepView } from '../../tracer/view';

type Highlight = ReadonlyArray<{ color: string; variable: string }> | undefined;

const same = (a: Highlight, b: Highlight): boolean =>
  (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((h, i) => h.color === b?.[i]?.color);

/**
 * Played slowly, a step's new highlights fade in over `ms` instead of appearing at once (applyStep
 * has already put them on the graph: this starts their colours from transparent and animates them to
 * where applyStep left them). Highlights that did not change, and everything at speed, jump.
 */
export function animateStep(cy: GraphCore, before: StepView | undefined, after: StepView, ms: number): void {
  if (!before || ms <= 0) return;
  for (const [id, hl] of after.highlights) {
    if (same(before.highlights.get(id), hl)) continue;
    const ele = cy.getElementById(id);
    if (ele.empty()) continue;
    const to: Record<string, number> = {};
    if (ele.isNode()) {
      hl.slice(0, 16).forEach((_, i) => {
        const name = `pie-${i + 1}-background-opacity`;
        to[name] = Number(ele.style(name)) || 0.55;
        ele.style(name, 0);
      });
    } else {
      to['line-opacity'] = 1;
      cy.getElementById(id).style('line-opacity', 0.15);
    }
    ele.animate({ style: to }, { duration: ms, easing: 'ease-out' });
  }
}

/** Ends animations still running (the next step is coming): they jump to where they were going. */
export function finishAnimations(cy: GraphCore): void {
  const running = cy.elements(':animated');
  if (running.nonempty()) running.stop(true, true);
}
