// The graph view's styles and colours: part of the Cytoscape wrapper (ui/graph/cytoscape*.ts).
import type cytoscape from 'cytoscape';

/** Colours of the graph view, taken from the page's CSS variables so light and dark both read well. */
export function palette(container: HTMLElement): Record<string, string> {
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
    plate: v('--graph-plate', '#ffffff'),
  };
}

/** Lighter rules for a big graph: small nodes, thin straight edges, labels only when zoomed in. */
function lightStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 18,
        height: 18,
        'border-width': 1,
        'font-size': 8,
        'min-zoomed-font-size': 9,
      } as cytoscape.Css.Node,
    },
    { selector: 'node.hl', style: { 'border-width': 3 } },
    { selector: 'edge', style: { width: 1, 'curve-style': 'straight' } },
    { selector: 'edge.hl, edge.tree', style: { width: 3 } },
  ];
}

/** The stylesheet: nodes with badges under them, edges with their weights, highlights, edits. */
export function graphStyle(c: Record<string, string>, big = false): cytoscape.StylesheetJson {
  const rules = baseStyle(c);
  // appended: later rules win, and the highlight, tree and selection rules keep their colours
  return big ? [...rules, ...lightStyle()] : rules;
}

function baseStyle(c: Record<string, string>): cytoscape.StylesheetJson {
  return [
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
        'font-size': 14,
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
    // the badge goes on the side of the node its edges leave least (badgeSide.ts)
    { selector: 'node[badge != ""][side = "top"]', style: { 'text-valign': 'top', 'text-margin-y': -5 } },
    {
      selector: 'node[badge != ""][side = "right"]',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-y': 0,
        'text-margin-x': 5,
        'text-justification': 'left',
      },
    },
    {
      selector: 'node[badge != ""][side = "left"]',
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-y': 0,
        'text-margin-x': -5,
        'text-justification': 'right',
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
      // the weight (or label) on a plate at the edge's middle, the step's badge after it: the
      // plate breaks the line for a few pixels instead of the line running through the digits
      selector: 'edge[wlabel != ""], edge[badge != ""]',
      style: {
        label: (ele: cytoscape.EdgeSingular) =>
          [ele.data('wlabel') as string, ele.data('badge') as string].filter((t) => t).join(' · '),
        'font-size': 14,
        'font-weight': 'bold',
        color: c.text,
        'text-background-color': c.plate,
        'text-background-opacity': 1,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
        'text-border-color': c.edge,
        'text-border-width': 1,
        'text-border-opacity': 0.8,
        // zoomed out on a big graph, labels too small to read are not drawn (nor paid for)
        'min-zoomed-font-size': 7,
      } as cytoscape.Css.Edge,
    },
    { selector: 'edge[ecolor != ""]', style: { 'line-color': 'data(ecolor)', 'target-arrow-color': 'data(ecolor)' } },
    { selector: 'node[fill != ""]', style: { 'background-color': 'data(fill)' } },
    // a variable's fill (a colouring, components) draws over the graph's own colour
    { selector: 'node[vfill != ""]', style: { 'background-color': 'data(vfill)' } },
    // a parent map's tree: the edge in the variable's colour, the arrow towards the child
    {
      selector: 'edge.tree',
      style: {
        width: 5,
        'line-color': 'data(tcolor)',
        'target-arrow-color': 'data(tcolor)',
        'source-arrow-color': 'data(tcolor)',
      },
    },
    { selector: 'edge.tree[towards = "target"]', style: { 'target-arrow-shape': 'triangle' } },
    {
      selector: 'edge.tree[towards = "source"]',
      style: { 'source-arrow-shape': 'triangle', 'target-arrow-shape': 'none' },
    },
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
  ];
}
