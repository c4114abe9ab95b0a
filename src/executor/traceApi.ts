import type Graph from 'graphology';
import type { Recorder } from '../tracer/recorder';
import { StepgraphError } from '../shared/errors';
import type { RunErrorCode } from '../protocol/codes';

/** Code of a `trace.*` call with a bad argument. */
export const TRACE_API_CODE: RunErrorCode = 'TRACE_BAD_ARGUMENT';

/** The `trace` global: explicit annotations that land on the current step (DESIGN.md). */
export interface TraceApi {
  /** Highlights a node or edge (by key) in `color` (a CSS colour; the accent when left out); `null` removes it. */
  highlight(element: string, color?: string | null): void;
  /** Shows `text` next to a node (empty text removes it). */
  label(node: string, text: string): void;
  /** A narration line for this step. */
  note(text: string): void;
}

const fail = (message: string): never => {
  throw new StepgraphError(TRACE_API_CODE, `trace.${message}`);
};

/** Makes the `trace` object of one run; each call checks its arguments and records a graph operation. */
export function createTraceApi(graph: Graph, rec: Recorder): TraceApi {
  return Object.freeze({
    highlight(element: string, color?: string | null): void {
      if (typeof element !== 'string' || !(graph.hasNode(element) || graph.hasEdge(element))) {
        fail(`highlight: "${String(element)}" is neither a node nor an edge of the graph`);
      }
      if (color !== undefined && color !== null && typeof color !== 'string')
        fail('highlight: the colour must be a string');
      rec.graphOp('highlight', [element, color === undefined ? '' : color]);
    },
    label(node: string, text: string): void {
      if (typeof node !== 'string' || !graph.hasNode(node)) fail(`label: "${String(node)}" is not a node of the graph`);
      rec.graphOp('label', [node, String(text)]);
    },
    note(text: string): void {
      rec.graphOp('note', [String(text)]);
    },
  });
}
