import type { GraphCore } from './cytoscape';
import type { StepView } from '../../tracer/view';
import { applyStructure } from './applyStructure';

/**
 * Puts a step's view on the graph: each highlighted node gets class `hl`, a pie of its variables'
 * colours (so several colours on one node stay visible) and a border in the first colour; each
 * badge goes to the node's `badge` data field. Everything else is cleared.
 */
export function applyStep(cy: GraphCore, view: StepView): void {
  cy.batch(() => {
    applyStructure(cy, view.structure);
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
    cy.edges().forEach((edge) => {
      const hl = view.highlights.get(edge.id());
      const badge = view.badges.get(edge.id()) ?? '';
      if ((edge.data('badge') ?? '') !== badge) edge.data('badge', badge);
      edge.removeStyle();
      if (!hl || hl.length === 0) {
        edge.removeClass('hl');
        return;
      }
      edge.addClass('hl');
      const color = hl[hl.length - 1]?.color ?? '#000';
      edge.style({ 'line-color': color, 'target-arrow-color': color });
    });
  });
}
