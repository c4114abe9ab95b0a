// The one wrapper around Cytoscape: the rest of the UI never imports cytoscape.
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphologyJson } from '../../protocol/graph';
import type { Point } from '../state/graphEdit';

export type GraphCore = Core;

/** What a person does on the canvas, reported to the store (the view never edits the graph itself). */
export interface GraphEvents {
  /** Double-click on empty canvas: a node is wanted there. */
  onAddNode(at: Point): void;
  /** Nodes were dragged and dropped at these positions. */
  onMove(positions: Map<string, Point>): void;
  /** The selection changed: ids in the order they were selected. */
  onSelect(ids: string[]): void;
}

/** Graphology JSON → Cytoscape elements; nodes keep their `x`/`y` as positions. */
export function toElements(g: GraphologyJson): ElementDefinition[] {
  const directedGraph = g.options?.type === 'directed';
  const nodes: ElementDefinition[] = g.nodes.map((n) => {
    const x = Number(n.attributes?.x);
    const y = Number(n.attributes?.y);
    return {
      group: 'nodes',
      data: { id: n.key, label: n.key, badge: '', fill: '' },
      ...(Number.isFinite(x) && Number.isFinite(y) ? { position: { x, y } } : {}),
    };
  });
  const edges: ElementDefinition[] = g.edges.map((e, i) => ({
    group: 'edges',
    data: {
      id: e.key ?? `e${i}`,
      source: e.source,
      target: e.target,
      directed: directedGraph && !e.undirected,
      badge: '',
    },
  }));
  return [...nodes, ...edges];
}

/** Colours of the graph view, taken from the page's CSS variables so light and dark both read well. */
function palette(container: HTMLElement): Record<string, string> {
  const css = getComputedStyle(container);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    node: v('--graph-node', '#e8eef5'),
    nodeBorder: v('--graph-node-border', '#51606f'),
    text: v('--graph-text', '#1b1f24'),
    edge: v('--graph-edge', '#8a96a3'),
    badgeBg: v('--graph-badge-bg', '#1b1f24'),
    badgeText: v('--graph-badge-text', '#ffffff'),
    select: v('--graph-select', '#e69f00'),
  };
}

/** Creates the graph view in `container` and publishes it as `window.__cy` for end-to-end tests. */
export function createGraph(container: HTMLElement, g: GraphologyJson, events?: GraphEvents): GraphCore {
  const c = palette(container);
  const hasPositions = g.nodes.every((n) => Number.isFinite(Number(n.attributes?.x)));
  const cy = cytoscape({
    container,
    elements: toElements(g),
    layout: hasPositions ? { name: 'preset', fit: true, padding: 40 } : { name: 'cose', animate: false },
    wheelSensitivity: 0.3,
    // a click adds to the selection, so two clicks pick an edge's ends; a click on the canvas clears it
    selectionType: 'additive',
    style: [
      {
        selector: 'node',
        style: {
          'background-color': c.node,
          'border-width': 2,
          'border-color': c.nodeBorder,
          label: 'data(label)',
          color: c.text,
          'text-valign': 'center',
          'font-size': 15,
          'font-weight': 'bold',
          width: 46,
          height: 46,
        },
      },
      {
        // a badge goes under the node, on a plate, one line per variable: the key stays its first line
        selector: 'node[badge != ""]',
        style: {
          'text-wrap': 'wrap',
          'text-valign': 'bottom',
          'text-margin-y': 5,
          'font-size': 18,
          'font-weight': 'normal',
          'line-height': 1.15,
          'text-background-color': c.node,
          'text-background-opacity': 0.9,
          'text-background-padding': '2px',
          'text-background-shape': 'roundrectangle',
          'text-border-color': c.nodeBorder,
          'text-border-width': 1,
          'text-border-opacity': 0.5,
          label: (ele: cytoscape.NodeSingular) => `${ele.data('label') as string}\n${ele.data('badge') as string}`,
        },
      },
      { selector: 'node.hl', style: { 'border-width': 5 } },
      {
        selector: 'edge',
        style: { width: 2, 'line-color': c.edge, 'curve-style': 'bezier', 'target-arrow-color': c.edge },
      },
      { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle' } },
      { selector: 'edge.hl', style: { width: 5 } },
      {
        selector: 'edge[badge != ""]',
        style: {
          label: 'data(badge)',
          'font-size': 12,
          color: c.text,
          'text-background-color': c.node,
          'text-background-opacity': 0.85,
        },
      },
      { selector: 'node[fill != ""]', style: { 'background-color': 'data(fill)' } },
      { selector: '.dropped', style: { display: 'none' } },
      { selector: 'node.added', style: { 'border-style': 'dashed' } },
      { selector: 'edge.added', style: { 'line-style': 'dashed' } },
      // a halo behind the node: the highlight's pie and border stay readable on a selected node
      {
        selector: 'node:selected',
        style: {
          'underlay-color': c.select,
          'underlay-opacity': 0.6,
          'underlay-padding': 7,
          'underlay-shape': 'ellipse',
        } as cytoscape.Css.Node,
      },
      { selector: 'edge:selected', style: { 'line-color': c.select, 'target-arrow-color': c.select, width: 5 } },
    ],
  });
  if (events) listen(cy, events);
  // the panel may get its final size after the first layout: keep the whole graph in view
  const observer = new ResizeObserver(() => {
    cy.resize();
    cy.fit(undefined, 40);
  });
  observer.observe(container);
  cy.one('destroy', () => observer.disconnect());
  (window as unknown as { __cy?: Core }).__cy = cy;
  return cy;
}

/** Views being changed by the store right now: their select/unselect events are not a person's. */
const syncing = new WeakSet<Core>();
/** Per view, the selection in the order it was made: Cytoscape itself keeps only document order. */
const orders = new WeakMap<Core, string[]>();

/** Sets the selection order the view reports from (the store's, when it selects for the person). */
export function setSelectionOrder(cy: Core, ids: readonly string[]): void {
  orders.set(cy, [...ids]);
}

/** Marks a programmatic change so that its events are not reported back as the person's. */
export function quietly(cy: Core, change: () => void): void {
  syncing.add(cy);
  try {
    change();
  } finally {
    syncing.delete(cy);
  }
}

function listen(cy: Core, events: GraphEvents): void {
  const report = (): void => {
    const selected = new Set(cy.$(':selected').map((e) => e.id()));
    const before = orders.get(cy) ?? [];
    const order = [...before.filter((id) => selected.has(id)), ...[...selected].filter((id) => !before.includes(id))];
    orders.set(cy, order);
    events.onSelect(order);
  };
  // a change the store made keeps the order the store gave (syncSelection); reading it back from
  // Cytoscape here would put it in document order, and the next click would extend the wrong list
  cy.on('select unselect', () => {
    if (!syncing.has(cy)) report();
  });
  cy.on('dbltap', (e) => {
    if (e.target === cy) events.onAddNode({ x: e.position.x, y: e.position.y });
  });
  cy.on('dragfree', 'node', () => {
    // a drag of a selected node moves the whole selection: report every node that moved
    const moved = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      moved.set(n.id(), { x: p.x, y: p.y });
    });
    events.onMove(moved);
  });
}

/** Runs a layout on the view (no animation) and returns where it put each node. */
export function runLayout(cy: Core, name: string): Map<string, Point> {
  cy.layout({ name, animate: false, fit: true, padding: 40 } as cytoscape.LayoutOptions).run();
  return positionsOf(cy);
}

/** Where each node is drawn, in graph coordinates. */
export function positionsOf(cy: Core): Map<string, Point> {
  const out = new Map<string, Point>();
  cy.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: p.x, y: p.y });
  });
  return out;
}
