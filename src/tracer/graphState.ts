import type { TraceGraphOp, TraceValue } from '../protocol/trace';

/** How the graph differs from the one the run started with, and the annotations, at a step. */
export interface GraphState {
  /** Nodes added by the script (and not dropped since), with their attributes. */
  addedNodes: Map<string, Record<string, TraceValue>>;
  /** Nodes of the starting graph dropped by the script. */
  droppedNodes: Set<string>;
  /** Edges added by the script (and not dropped since). */
  addedEdges: Map<string, { source: string; target: string; undirected: boolean }>;
  /** Edges of the starting graph dropped by the script. */
  droppedEdges: Set<string>;
  /** Node attributes set by the script, by node. */
  nodeAttributes: Map<string, Record<string, TraceValue>>;
  /** Edge attributes set by the script, by edge. */
  edgeAttributes: Map<string, Record<string, TraceValue>>;
  /** `trace.highlight`: element → colour ('' for the default). */
  highlights: Map<string, string>;
  /** `trace.label`: node → text. */
  labels: Map<string, string>;
  /** `trace.note` lines, with their steps. */
  notes: Array<{ step: number; text: string }>;
}

const str = (v: TraceValue | undefined): string => (typeof v === 'string' ? v : String(v ?? ''));

/** The state before any operation. */
export function emptyGraphState(): GraphState {
  return {
    addedNodes: new Map(),
    droppedNodes: new Set(),
    addedEdges: new Map(),
    droppedEdges: new Set(),
    nodeAttributes: new Map(),
    edgeAttributes: new Map(),
    highlights: new Map(),
    labels: new Map(),
    notes: [],
  };
}

/** A copy that later operations on either one do not change in the other. */
export function cloneGraphState(s: GraphState): GraphState {
  const nodeAttributes = new Map<string, Record<string, TraceValue>>();
  for (const [k, a] of s.nodeAttributes) nodeAttributes.set(k, { ...a });
  const edgeAttributes = new Map<string, Record<string, TraceValue>>();
  for (const [k, a] of s.edgeAttributes) edgeAttributes.set(k, { ...a });
  return {
    addedNodes: new Map(s.addedNodes),
    droppedNodes: new Set(s.droppedNodes),
    addedEdges: new Map(s.addedEdges),
    droppedEdges: new Set(s.droppedEdges),
    nodeAttributes,
    edgeAttributes,
    highlights: new Map(s.highlights),
    labels: new Map(s.labels),
    notes: s.notes.slice(),
  };
}

/** How many entries a copy of the state has to copy. */
export function graphStateSize(s: GraphState): number {
  return (
    s.addedNodes.size +
    s.droppedNodes.size +
    s.addedEdges.size +
    s.droppedEdges.size +
    s.nodeAttributes.size +
    s.edgeAttributes.size +
    s.highlights.size +
    s.labels.size +
    s.notes.length
  );
}

/** Replays graph operations (already cut at the step) into the state they leave. */
export function graphStateOf(ops: readonly TraceGraphOp[]): GraphState {
  return applyGraphOps(emptyGraphState(), ops, 0, ops.length);
}

/** Applies `ops[from..to)` to `s`, in place, and returns it. */
export function applyGraphOps(s: GraphState, ops: readonly TraceGraphOp[], from: number, to: number): GraphState {
  const attrs = (key: string, of = s.nodeAttributes): Record<string, TraceValue> => {
    let a = of.get(key);
    if (!a) of.set(key, (a = {}));
    return a;
  };
  // `set…Attributes` carries the element's whole attributes after a replace, merge or update
  const whole = (v: TraceValue | undefined): Record<string, TraceValue> => {
    const out: Record<string, TraceValue> = {};
    if (v && typeof v === 'object' && v.$ === 'object') for (const [k, x] of v.entries) out[str(k)] = x;
    return out;
  };
  for (let i = from; i < to; i++) {
    const op = ops[i] as TraceGraphOp;
    const [a, b, c, d] = op.args;
    switch (op.kind) {
      case 'addNode':
        s.droppedNodes.delete(str(a));
        s.addedNodes.set(str(a), {});
        break;
      case 'dropNode':
        if (!s.addedNodes.delete(str(a))) s.droppedNodes.add(str(a));
        s.nodeAttributes.delete(str(a));
        s.highlights.delete(str(a));
        s.labels.delete(str(a));
        break;
      case 'addEdge':
        s.droppedEdges.delete(str(a));
        s.addedEdges.set(str(a), { source: str(b), target: str(c), undirected: d === true });
        break;
      case 'dropEdge':
        if (!s.addedEdges.delete(str(a))) s.droppedEdges.add(str(a));
        s.edgeAttributes.delete(str(a));
        s.highlights.delete(str(a));
        break;
      case 'setNodeAttribute':
        attrs(str(a))[str(b)] = c ?? null;
        break;
      case 'removeNodeAttribute':
        delete attrs(str(a))[str(b)];
        break;
      case 'setNodeAttributes':
        s.nodeAttributes.set(str(a), whole(b));
        break;
      case 'setEdgeAttribute':
        attrs(str(a), s.edgeAttributes)[str(b)] = c ?? null;
        break;
      case 'removeEdgeAttribute':
        delete attrs(str(a), s.edgeAttributes)[str(b)];
        break;
      case 'setEdgeAttributes':
        s.edgeAttributes.set(str(a), whole(b));
        break;
      case 'clear':
      case 'clearEdges':
        // the whole graph (or all edges) is gone: nothing of the start remains, so mark it all dropped
        s.addedEdges.clear();
        s.droppedEdges.add('*');
        s.edgeAttributes.clear();
        if (op.kind === 'clear') {
          s.addedNodes.clear();
          s.droppedNodes.add('*');
        }
        break;
      case 'highlight':
        if (b === null) s.highlights.delete(str(a));
        else s.highlights.set(str(a), str(b));
        break;
      case 'label':
        if (str(b) === '') s.labels.delete(str(a));
        else s.labels.set(str(a), str(b));
        break;
      case 'note':
        s.notes.push({ step: op.step, text: str(a) });
        break;
    }
  }
  return s;
}
