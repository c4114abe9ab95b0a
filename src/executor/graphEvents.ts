import type Graph from 'graphology';
import type { Recorder } from '../tracer/recorder';
import { snapshot } from '../tracer/values';

interface AttributesEvent {
  key: string;
  type: 'set' | 'remove' | 'replace' | 'merge' | 'update';
  attributes: Record<string, unknown>;
  name?: string;
}

/**
 * Records every change made to the run's graph through the graphology API as a graph operation on
 * its step, from graphology's own events (so no method is wrapped and nothing is missed).
 * Returns a function that stops listening.
 */
export function recordGraphEvents(graph: Graph, rec: Recorder): () => void {
  const show = (v: unknown) => snapshot(v);
  const attributes = (kind: 'Node' | 'Edge') => (e: AttributesEvent) => {
    if ((e.type === 'set' || e.type === 'update') && e.name !== undefined) {
      rec.graphOp(`set${kind}Attribute`, [e.key, e.name, show(e.attributes[e.name])]);
    } else if (e.type === 'remove' && e.name !== undefined) {
      rec.graphOp(`remove${kind}Attribute`, [e.key, e.name]);
    } else rec.graphOp(`set${kind}Attributes`, [e.key, show({ ...e.attributes })]);
  };
  const handlers: Record<string, (e: never) => void> = {
    nodeAdded: (e: { key: string; attributes: object }) => rec.graphOp('addNode', [e.key, show({ ...e.attributes })]),
    nodeDropped: (e: { key: string }) => rec.graphOp('dropNode', [e.key]),
    edgeAdded: (e: { key: string; source: string; target: string; undirected: boolean }) =>
      rec.graphOp('addEdge', [e.key, e.source, e.target, e.undirected]),
    edgeDropped: (e: { key: string }) => rec.graphOp('dropEdge', [e.key]),
    nodeAttributesUpdated: attributes('Node'),
    edgeAttributesUpdated: attributes('Edge'),
    cleared: () => rec.graphOp('clear', []),
    edgesCleared: () => rec.graphOp('clearEdges', []),
  };
  type EventName = Parameters<Graph['on']>[0];
  for (const [event, fn] of Object.entries(handlers)) graph.on(event as EventName, fn as never);
  return () => {
    for (const [event, fn] of Object.entries(handlers)) graph.removeListener(event as EventName, fn as never);
  };
}
