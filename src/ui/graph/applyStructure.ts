import type { GraphCore } from './cytoscape';
import type { GraphState } from '../../tracer/graphState';
import type { TraceValue } from '../../protocol/trace';

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
  const center = cy.nodes(':visible').boundingBox();
  let i = 0;
  for (const [key, attrs] of addedNodes) {
    if (!cy.getElementById(key).empty()) continue;
    const x = num(attrs.x) ?? center.x1 + center.w / 2 + 40 * Math.cos(i);
    const y = num(attrs.y) ?? center.y1 + center.h / 2 + 40 * Math.sin(i++);
    cy.add({
      group: 'nodes',
      data: { id: key, label: key, badge: '', fill: '' },
      classes: 'added',
      position: { x, y },
    });
  }
  for (const [key, e] of addedEdges) {
    if (!cy.getElementById(key).empty() || cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty())
      continue;
    cy.add({
      group: 'edges',
      data: { id: key, source: e.source, target: e.target, directed: !e.undirected, badge: '' },
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
  cy.nodes().forEach((n) => {
    const color = s?.nodeAttributes.get(n.id())?.color;
    const want = typeof color === 'string' ? color : '';
    if ((n.data('fill') ?? '') !== want) n.data('fill', want);
  });
}
