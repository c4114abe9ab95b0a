// Keeps a living Cytoscape view in step with the store's graph, so edits do not rebuild the view
// (which would lose zoom, pan and selection). Types only: cytoscape.ts stays the one import of it.
import type { GraphologyJson } from '../../protocol/graph';
import { quietly, setSelectionOrder, toElements, type GraphCore } from './cytoscape';

/** Data fields the graph's own attributes draw (cytoscape.ts, toElements), kept in step with the store. */
const DRAWN = ['label', 'baseLabel', 'fill', 'baseFill', 'wlabel', 'baseWlabel', 'ecolor', 'baseEcolor', 'directed'];

const sameEnds = (edge: { data(k: string): unknown }, data: Record<string, unknown>): boolean =>
  edge.data('source') === data.source && edge.data('target') === data.target;

/** Adds, removes, moves and redraws elements so the view shows `g`; returns the ids of added nodes. */
export function syncGraph(cy: GraphCore, g: GraphologyJson): string[] {
  const want = toElements(g);
  const ids = new Set(want.map((el) => String(el.data.id)));
  const added: string[] = [];
  // new elements are added at once, nodes before the edges that need them: one add per element
  // costs a big graph seconds
  const fresh: typeof want = [];
  quietly(cy, () =>
    cy.batch(() => {
      cy.elements()
        .filter((el) => !ids.has(el.id()))
        .remove();
      for (const el of want) {
        const id = String(el.data.id);
        let existing = cy.getElementById(id);
        if (!existing.empty() && existing.isEdge() && !sameEnds(existing, el.data)) {
          existing.remove();
          existing = cy.getElementById(id);
        }
        if (existing.empty()) {
          fresh.push(el);
          if (el.group === 'nodes') added.push(id);
          continue;
        }
        // the same element with other attributes (a graph imported over one with the same keys)
        for (const key of DRAWN) {
          if (!(key in el.data) || existing.data(key) === el.data[key]) continue;
          existing.data(key, el.data[key]);
        }
        if (el.position && existing.isNode()) {
          const p = existing.position();
          if (p.x !== el.position.x || p.y !== el.position.y) existing.position(el.position);
        }
      }
      if (fresh.length > 0) cy.add(fresh);
    }),
  );
  return added;
}

/** Selects exactly `ids` without reporting it back as a person's selection. */
export function syncSelection(cy: GraphCore, ids: readonly string[]): void {
  const want = new Set(ids);
  setSelectionOrder(cy, ids);
  quietly(cy, () => {
    cy.elements().forEach((el) => {
      if (want.has(el.id()) !== el.selected()) {
        if (want.has(el.id())) el.select();
        else el.unselect();
      }
    });
  });
}

/** True when every named node is inside the visible part of the view. */
export function inView(cy: GraphCore, nodeIds: readonly string[]): boolean {
  const box = cy.extent();
  return nodeIds.every((id) => {
    const p = cy.getElementById(id).position();
    return p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
  });
}
