import type { GraphCore } from './cytoscape';
import type { StepView } from '../../tracer/view';

/**
 * Puts a step's view on the graph: each highlighted node gets class `hl`, a pie of its variables'
 * colours (so several colours on one node stay visible) and a border in the first colour; each
 * badge goes to the node's `badge` data field. Everything else is cleared.
 */
export function applyStep(cy: GraphCore, view: StepView): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const id = node.id();
      const hl = view.highlights.get(id);
      const badge = view.badges.get(id) ?? '';
      if (node.data('badge') !== badge) node.data('badge', badge);
      node.removeStyle();
      if (!hl || hl.length === 0) {
        node.removeClass('hl');
        node.removeData('vars');
        return;
      }
      node.addClass('hl');
      node.data('vars', hl.map((h) => h.variable).join(' '));
      const share = 100 / hl.length;
      const style: Record<string, string | number> = { 'border-color': hl[0]?.color ?? '#000', 'pie-size': '100%' };
      hl.slice(0, 16).forEach((h, i) => {
        style[`pie-${i + 1}-background-color`] = h.color;
        style[`pie-${i + 1}-background-size`] = share;
        style[`pie-${i + 1}-background-opacity`] = 0.55;
      });
      node.style(style);
    });
    cy.edges().removeClass('hl');
  });
}
