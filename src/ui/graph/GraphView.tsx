import { useEffect, useMemo, useRef } from 'react';
import type { GraphologyJson } from '../../protocol/graph';
import type { StepView } from '../../tracer/view';
import type { LayoutName } from '../state/doc';
import type { PlaygroundStore } from '../state/store';
import { createGraph, isBig, positionsOf, runLayout, type GraphCore } from './cytoscape';
import { inView, syncGraph, syncSelection } from './cytoscapeSync';
import { applyStep } from './applyStep';
import { animateStep, finishAnimations } from './animateStep';
import { describeView } from './describe';
import { GraphTools } from './GraphTools';
import { useGraphKeys } from './useGraphKeys';
import { attachBadgeTip } from './badgeTip';
import { GraphLegend } from './GraphLegend';
import { PictureButton } from './PictureButton';
import { legendOf } from './legend';
import './graphView.css';

/** Props of the graph panel. */
export interface GraphViewProps {
  /** The store: edits on the canvas become store actions. */
  store: PlaygroundStore;
  /** The graph to draw. */
  graph: GraphologyJson;
  /** What the current step highlights. */
  view: StepView;
  /** The step the view belongs to, as the counter shows it (0 before a run). Written to the canvas's
   * `data-step` once the view is on it, so that tests and tools can tell the canvas has caught up. */
  step: number;
  /** Dark theme (the view re-reads its colours). */
  dark: boolean;
  /** Selected element ids, in selection order. */
  selection: readonly string[];
  /** The layout last chosen. */
  layout: LayoutName;
  /** Bumped when a whole new doc is loaded: the view refits. */
  docVersion: number;
  /** Why the last edit did nothing, if it did nothing. */
  editNote: string | undefined;
  /** False in an embed: the graph can be looked at, not edited. */
  editable: boolean;
  /** Milliseconds over which a step's new highlights fade in (Play at a slow speed); 0 jumps. */
  animateMs?: number;
  /** A file dropped on the graph: imported like Import's (a graph file or a playground). */
  onDropFile?: (file: File) => void;
}

/** The Cytoscape view, as a region named "Graph", with a text form of the step for screen readers. */
export function GraphView({
  store,
  graph,
  view,
  step,
  dark,
  selection,
  layout,
  docVersion,
  editNote,
  editable,
  animateMs = 0,
  onDropFile,
}: GraphViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const cy = useRef<GraphCore | undefined>(undefined);
  const latest = useRef({ graph, view, selection });
  latest.current = { graph, view, selection };
  const onKeyDown = useGraphKeys(store, editable);
  const big = isBig(graph);

  useEffect(() => {
    if (!host.current) return;
    const events = editable
      ? {
          onAddNode: (at: { x: number; y: number }) => store.addNode(at),
          onMove: (p: Map<string, { x: number; y: number }>) => store.moveNodes(p),
          onSelect: (ids: string[]) => store.select(ids),
        }
      : undefined;
    const core = createGraph(host.current, latest.current.graph, events);
    if (!editable) core.autoungrabify(true).autounselectify(true);
    if (tip.current) attachBadgeTip(core, tip.current);
    cy.current = core;
    syncSelection(core, latest.current.selection);
    applyStep(core, latest.current.view);
    // a graph without positions was laid out just now: keep where it went, so links carry it
    if (latest.current.graph.nodes.some((n) => typeof n.attributes?.x !== 'number'))
      store.applyLayout('cose', positionsOf(core));
    return () => core.destroy();
    // a graph crossing the big-graph size gets a new view: WebGL and lighter styles, or back
  }, [dark, store, editable, big]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    const added = syncGraph(core, graph);
    applyStep(core, latest.current.view);
    // an imported graph without positions is laid out once, and keeps where it went
    if (graph.nodes.some((n) => typeof n.attributes?.x !== 'number' || typeof n.attributes?.y !== 'number')) {
      const name = graph.nodes.length <= 300 ? 'cose' : 'grid';
      store.applyLayout(name, runLayout(core, name));
    } else if (added.length > 0 && !inView(core, added)) core.fit(undefined, 40);
  }, [graph, store]);

  useEffect(() => {
    cy.current?.fit(undefined, 40);
  }, [docVersion]);

  useEffect(() => {
    if (cy.current) syncSelection(cy.current, selection);
  }, [selection]);

  const shown = useRef<StepView | undefined>(undefined);
  const animate = useRef(animateMs);
  animate.current = animateMs;
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    finishAnimations(core);
    applyStep(core, view, shown.current);
    animateStep(core, shown.current, view, animate.current);
    shown.current = view;
  }, [view]);

  useEffect(() => {
    if (host.current) host.current.dataset.step = String(step);
  }, [view, step]);

  const legend = useMemo(() => {
    const edges = new Set(graph.edges.map((e, i) => e.key ?? `e${i}`));
    return legendOf(view, { has: (k) => edges.has(k) || (view.structure?.addedEdges.has(k) ?? false) });
  }, [graph, view]);

  const chooseLayout = (name: LayoutName): void => {
    if (!cy.current || name === 'preset') store.applyLayout(name, new Map());
    else store.applyLayout(name, runLayout(cy.current, name));
  };

  return (
    <section
      className="panel graph"
      role="region"
      aria-label="Graph"
      onDragOver={(e) => {
        if (onDropFile && e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!onDropFile || !file) return;
        e.preventDefault();
        onDropFile(file);
      }}
    >
      {editable && (
        <GraphTools
          store={store}
          selection={selection}
          graph={graph}
          layout={layout}
          note={editNote}
          onLayout={chooseLayout}
        />
      )}
      <div
        className="graph-host"
        ref={host}
        tabIndex={editable ? 0 : -1}
        role="application"
        aria-label="Graph canvas"
        aria-roledescription="graph editor"
        aria-describedby={editable ? 'graph-keys' : undefined}
        onKeyDown={onKeyDown}
      />
      <div className="graph-tip" role="tooltip" hidden ref={tip} />
      <GraphLegend entries={legend} />
      <PictureButton core={() => cy.current} step={step} />
      <p className="sr-only" id="graph-keys">
        Keys: N adds a node, ] and [ select the next or previous node (with Shift, add it to the selection), E connects
        the two selected nodes, Delete removes the selection, Alt and the arrow keys move it.
      </p>
      <p className="sr-only" aria-live="polite">
        {describeView(view)}
      </p>
    </section>
  );
}
