// The hover text of a badge: its values in full, next to the element under the pointer.
import type { GraphCore } from './cytoscape';

/** Shows `tip` with the element's `full` data while the pointer is on it (badges show them cut short). */
export function attachBadgeTip(cy: GraphCore, tip: HTMLElement): void {
  const hide = (): void => {
    tip.hidden = true;
  };
  cy.on('mouseover', 'node, edge', (e) => {
    const full = String(e.target.data('full') ?? '');
    if (!full) return hide();
    // textContent, never markup: the values are a script's
    tip.textContent = full;
    const at = e.renderedPosition ?? { x: 0, y: 0 };
    // placed in the panel, which holds the canvas below its toolbar
    const host = cy.container();
    tip.style.left = `${Math.round((host?.offsetLeft ?? 0) + at.x + 14)}px`;
    tip.style.top = `${Math.round((host?.offsetTop ?? 0) + at.y + 14)}px`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'node, edge', hide);
  cy.on('viewport drag', hide);
}
