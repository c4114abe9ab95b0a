import type { GraphologyJson } from '../../protocol/graph';
import { LAYOUTS, type LayoutName } from '../state/doc';
import type { PlaygroundStore } from '../state/store';

/** Props of the graph's edit bar. */
export interface GraphToolsProps {
  /** The store the buttons act on. */
  store: PlaygroundStore;
  /** Selected element ids. */
  selection: readonly string[];
  /** The graph, to tell nodes from edges in the selection. */
  graph: GraphologyJson;
  /** The layout last chosen. */
  layout: LayoutName;
  /** Why the last edit did nothing. */
  note: string | undefined;
  /** Applies a layout. */
  onLayout: (name: LayoutName) => void;
}

const LAYOUT_TITLES: Record<LayoutName, string> = {
  preset: 'Saved positions',
  circle: 'Circle',
  grid: 'Grid',
  concentric: 'Concentric',
  breadthfirst: 'Tree (breadth-first)',
  cose: 'Force-directed',
};

/** Add node, Add edge, Delete and the layout picker: every canvas edit has a button too. */
export function GraphTools({ store, selection, graph, layout, note, onLayout }: GraphToolsProps) {
  const nodes = new Set(graph.nodes.map((n) => n.key));
  const selectedNodes = selection.filter((id) => nodes.has(id));
  const hint =
    selectedNodes.length === 1
      ? 'Select one more node to connect'
      : selection.length === 0
        ? 'Double-click the canvas to add a node; click two nodes to connect them'
        : '';
  return (
    <div className="graph-tools" role="toolbar" aria-label="Graph editing">
      <button type="button" onClick={() => store.addNode()} title="Add a node (N on the canvas, or double-click it)">
        Add node
      </button>
      <button
        type="button"
        onClick={() => store.connectSelected()}
        disabled={selectedNodes.length < 2}
        title="Connect the two nodes picked last, first → second (E)"
      >
        Add edge
      </button>
      <button
        type="button"
        onClick={() => store.deleteSelected()}
        disabled={selection.length === 0}
        title="Delete the selection (Delete)"
      >
        Delete
      </button>
      <label className="layout-pick">
        <span className="sr-only">Layout</span>
        <select aria-label="Layout" value={layout} onChange={(e) => onLayout(e.currentTarget.value as LayoutName)}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_TITLES[l]}
            </option>
          ))}
        </select>
      </label>
      <span className="graph-note" role="status">
        {note ?? hint}
      </span>
    </div>
  );
}
