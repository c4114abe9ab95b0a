// The one wrapper around Cytoscape: the rest of the UI never imports cytoscape.
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphologyJson } from '../../protocol/graph';

export type GraphCore = Core;

/** Graphology JSON → Cytoscape elements; nodes keep their `x`/`y` as positions. */
export function toElements(g: GraphologyJson): ElementDefinition[] {
  const directedGraph = g.options?.type === 'directed';
  const nodes: ElementDefinition[] = g.nodes.map((n) => {
    const x = Number(n.attributes?.x);
    const y = Number(n.attributes?.y);
    return {
      group: 'nodes',
      data: { id: n.key, label: n.key, badge: '' },
      ...(Number.isFinite(x) && Number.isFinite(y) ? { position: { x, y } } : {}),
    };
  });
  const edges: ElementDefinition[] = g.edges.map((e, i) => ({
    group: 'edges',
    data: { id: e.key ?? `e${i}`, source: e.source, target: e.target, directed: directedGraph && !e.undirected },
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
  };
}

/** Creates the graph view in `container` and publishes it as `window.__cy` for end-to-end tests. */
export function createGraph(container: HTMLElement, g: GraphologyJson): GraphCore {
  const c = palette(container);
  const hasPositions = g.nodes.every((n) => Number.isFinite(Number(n.attributes?.x)));
  const cy = cytoscape({
    container,
    elements: toElements(g),
    layout: hasPositions ? { name: 'preset', fit: true, padding: 40 } : { name: 'cose', animate: false },
    wheelSensitivity: 0.3,
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
        selector: 'node[badge != ""]',
        style: {
          'text-wrap': 'wrap',
          'font-size': 13,
          'line-height': 1.1,
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
    ],
  });
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
