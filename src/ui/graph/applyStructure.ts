import type { GraphCore } from './cytoscape';
import type { GraphState } from '../../tracer/graphState';
import type { TraceValue } from '../../protocol/trace';
import { colorOf, edgeLabel, nodeLabel } from './drawn';
import { addedPositions } from './addedPositions';

const num = (v: TraceValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/**
 * Shows the graph as the script had changed it at the step: nodes and edges it added appear (class
 * `added`), those it dropped are hidden (class `dropped`), and a `color` attribute it set fills
 * the node. Seeking back undoes all of it, since it is recomputed from the step alone.
 */
export function applyStructure(cy: GraphCore, s: GraphState | undefined): void {
  const addedNodes = s?.addedNodes ?? new Map<string, Record<string, TraceValue>>();
  const addedEdges = s?.addedEdges ?? new Map<string, { source: string; target: string; undirected: boolean }>();
  cy.elements('.added').forEach((el) => {
    if (!(el.group() === 'nodes' ? addedNodes.has(el.id()) : addedEdges.has(el.id()))) el.remove();
  });
  const fresh = [...addedNodes.keys()].filter((key) => cy.getElementById(key).empty());
  if (fresh.length > 0) {
    const box = cy.nodes(':visible').boundingBox();
    const center = Number.isFinite(box.w) ? { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 } : { x: 0, y: 0 };
    const placed = addedPositions(
      fresh,
      addedEdges.values(),
      (key) => {
        const n = cy.getElementById(key);
        return n.empty() ? undefined : n.position();
      },
      center,
    );
    for (const key of fresh) {
      const attrs = addedNodes.get(key) ?? {};
      const guess = placed.get(key) ?? center;
      cy.add({
        group: 'nodes',
        data: { id: key, label: key, badge: '', full: '', fill: '', vfill: '', side: 'bottom' },
        classes: 'added',
        position: { x: num(attrs.x) ?? guess.x, y: num(attrs.y) ?? guess.y },
      });
    }
  }
  for (const [key, e] of addedEdges) {
    if (!cy.getElementById(key).empty() || cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty())
      continue;
    cy.add({
      group: 'edges',
      data: {
        id: key,
        source: e.source,
        target: e.target,
        directed: !e.undirected,
        badge: '',
        full: '',
        tcolor: '',
        towards: '',
      },
      classes: 'added',
    });
  }
  const allNodes = s?.droppedNodes.has('*') ?? false;
  const allEdges = s?.droppedEdges.has('*') ?? false;
  cy.elements()
    .not('.added')
    .forEach((el) => {
      const gone =
        el.group() === 'nodes'
          ? allNodes || (s?.droppedNodes.has(el.id()) ?? false)
          : allEdges || (s?.droppedEdges.has(el.id()) ?? false);
      if (el.hasClass('dropped') !== gone) el.toggleClass('dropped', gone);
    });
  // attributes the script set draw over the graph's own: a node's `color` and `label`, an edge's
  // `label`/`weight`/`capacity` and `color`; seeking back to before the change draws the graph's own again
  const set = (el: { data(k: string, v?: unknown): unknown }, key: string, want: string): void => {
    if ((el.data(key) ?? '') !== want) el.data(key, want);
  };
  cy.nodes().forEach((n) => {
    const a = s?.nodeAttributes.get(n.id());
    set(n, 'fill', (a && colorOf(a)) || ((n.data('baseFill') as string | undefined) ?? ''));
    set(n, 'label', a && 'label' in a ? nodeLabel(n.id(), a) : ((n.data('baseLabel') as string | undefined) ?? n.id()));
  });
  cy.edges().forEach((e) => {
    const a = s?.edgeAttributes.get(e.id());
    set(e, 'ecolor', (a && colorOf(a)) || ((e.data('baseEcolor') as string | undefined) ?? ''));
    set(e, 'wlabel', (a && edgeLabel(a)) || ((e.data('baseWlabel') as string | undefined) ?? ''));
  });
}
