import type { GraphCore } from './cytoscape';
import type { StepView } from '../../tracer/view';
import { applyStructure } from './applyStructure';
import { placeBadges } from './badgeSide';
import { changedKeys } from './stepDiff';

type Node = ReturnType<GraphCore['nodes']>[number];
type Edge = ReturnType<GraphCore['edges']>[number];

const setData = (el: Node | Edge, key: string, want: string): void => {
  if (el.data(key) !== want) el.data(key, want);
};

/** A node as the view has it: highlight pie and border, badge (and its full text), fill. */
function paintNode(node: Node, view: StepView): void {
  const id = node.id();
  const hl = view.highlights.get(id);
  setData(node, 'badge', view.badges.get(id) ?? '');
  setData(node, 'full', view.badgeFull?.get(id) ?? '');
  setData(node, 'vfill', view.drawing?.fills.get(id)?.color ?? '');
  if (!hl || hl.length === 0) {
    // only a highlighted node has style of its own: the others cost nothing more (a big graph's
    // first draw goes through every node)
    if (node.hasClass('hl')) {
      node.removeStyle();
      node.removeClass('hl');
      node.removeData('vars');
    }
    return;
  }
  node.removeStyle();
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
}

/** An edge as the view has it: highlight in the last variable's colour, tree membership, badge. */
function paintEdge(edge: Edge, view: StepView): void {
  const id = edge.id();
  const hl = view.highlights.get(id);
  const tree = view.drawing?.tree.get(id);
  setData(edge, 'badge', view.badges.get(id) ?? '');
  setData(edge, 'full', view.badgeFull?.get(id) ?? '');
  setData(edge, 'tcolor', tree?.color ?? '');
  setData(edge, 'towards', tree?.towards ?? '');
  if (edge.hasClass('tree') !== (tree !== undefined)) edge.toggleClass('tree', tree !== undefined);
  if (!hl || hl.length === 0) {
    if (edge.hasClass('hl')) {
      edge.removeStyle();
      edge.removeClass('hl');
    }
    return;
  }
  edge.removeStyle();
  edge.addClass('hl');
  const color = hl[hl.length - 1]?.color ?? '#000';
  edge.style({ 'line-color': color, 'target-arrow-color': color });
}

/**
 * Puts a step's view on the graph: each highlighted node gets class `hl`, a pie of its variables'
 * colours (so several colours on one node stay visible) and a border in the first colour; each
 * badge goes to the node's `badge` data field (the full values to `full`), on the side its edges
 * leave least; fills go to `vfill`, tree edges get class `tree`. Given the view drawn before, only
 * the elements whose look changed are touched, so a step on a big graph costs what it changes.
 */
export function applyStep(cy: GraphCore, view: StepView, before?: StepView): void {
  cy.batch(() => {
    if (!before || before.structure !== view.structure) applyStructure(cy, view.structure);
    const keys = before ? changedKeys(before, view) : undefined;
    const badged: string[] = [];
    const touched = keys ? [...keys].map((k) => cy.getElementById(k)).filter((el) => el.nonempty()) : cy.elements();
    for (const el of touched) {
      if (el.isNode()) {
        paintNode(el, view);
        badged.push(el.id());
      } else paintEdge(el as Edge, view);
    }
    // a badge moves off its node's edges: placed when it changes, or on every node when all is redrawn
    placeBadges(cy, keys ? badged : [...view.badges.keys()]);
  });
}
