// The one wrapper around Cytoscape: the rest of the UI never imports cytoscape.
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphologyJson } from '../../protocol/graph';
import type { Point } from '../state/graphEdit';
import { colorOf, edgeLabel, nodeLabel } from './drawn';
import { graphStyle, palette } from './cytoscapeStyle';

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
      data: {
        id: n.key,
        label: nodeLabel(n.key, n.attributes),
        badge: '',
        full: '',
        vfill: '',
        side: 'bottom',
        fill: colorOf(n.attributes),
        // what the doc's graph draws, for applyStructure to come back to when a script's change is undone
        baseLabel: nodeLabel(n.key, n.attributes),
        baseFill: colorOf(n.attributes),
      },
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
      full: '',
      tcolor: '',
      towards: '',
      wlabel: edgeLabel(e.attributes),
      ecolor: colorOf(e.attributes),
      baseWlabel: edgeLabel(e.attributes),
      baseEcolor: colorOf(e.attributes),
    },
  }));
  return [...nodes, ...edges];
}

/** Past this many elements (nodes and edges) the view draws with WebGL and lighter styles. */
export const BIG_GRAPH = 1000;

/** True when `g` is drawn as a big graph. */
export function isBig(g: GraphologyJson): boolean {
  return g.nodes.length + g.edges.length > BIG_GRAPH;
}

/** Creates the graph view in `container` and publishes it as `window.__cy` for end-to-end tests. */
export function createGraph(container: HTMLElement, g: GraphologyJson, events?: GraphEvents): GraphCore {
  const hasPositions = g.nodes.every((n) => Number.isFinite(Number(n.attributes?.x)));
  const big = isBig(g);
  const cy = cytoscape({
    container,
    elements: toElements(g),
    // a force layout of thousands of nodes would hold the page for seconds: big graphs start on a grid
    layout: hasPositions ? { name: 'preset', fit: true, padding: 40 } : { name: big ? 'grid' : 'cose', animate: false },
    wheelSensitivity: 0.3,
    // a click adds to the selection, so two clicks pick an edge's ends; a click on the canvas clears it
    selectionType: 'additive',
    style: graphStyle(palette(container), big),
    // Cytoscape's WebGL mode (experimental since 3.31) draws thousands of elements in a frame
    ...(big ? { webgl: true, pixelRatio: 1 } : {}),
  });
  container.dataset.renderer = big ? 'webgl' : 'canvas';
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

/** A view with no canvas (unit tests, tools): the same elements and styles, laid out at their positions. */
export function createHeadless(g: GraphologyJson): GraphCore {
  return cytoscape({ headless: true, styleEnabled: true, elements: toElements(g), layout: { name: 'preset' } });
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
