import { useEffect, useRef } from 'react';
import type { GraphologyJson } from '../../protocol/graph';
import type { StepView } from '../../tracer/view';
import { createGraph, type GraphCore } from './cytoscape';
import { applyStep } from './applyStep';
import { describeView } from './describe';

/** Props of the graph panel. */
export interface GraphViewProps {
  /** The graph to draw. */
  graph: GraphologyJson;
  /** What the current step highlights. */
  view: StepView;
  /** Dark theme (the view re-reads its colours). */
  dark: boolean;
}

/** The Cytoscape view, as a region named "Graph", with a text form of the step for screen readers. */
export function GraphView({ graph, view, dark }: GraphViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const cy = useRef<GraphCore | undefined>(undefined);
  const latest = useRef(view);
  latest.current = view;

  useEffect(() => {
    if (!host.current) return;
    const core = createGraph(host.current, graph);
    cy.current = core;
    applyStep(core, latest.current);
    return () => core.destroy();
  }, [graph, dark]);

  useEffect(() => {
    if (cy.current) applyStep(cy.current, view);
  }, [view]);

  return (
    <section className="panel graph" role="region" aria-label="Graph">
      <div className="graph-host" ref={host} />
      <p className="sr-only" aria-live="polite">
        {describeView(view)}
      </p>
    </section>
  );
}
