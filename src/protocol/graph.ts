/** Graph data in graphology's serialisation format (`graph.export()`). */
export interface GraphologyJson {
  /** Graph-level options: type and multi; self-loops are allowed unless false. */
  options?: { type?: 'mixed' | 'directed' | 'undirected'; multi?: boolean; allowSelfLoops?: boolean };
  /** Graph-level attributes. */
  attributes?: Record<string, unknown>;
  /** Nodes with their attributes (`x`, `y` give positions in the view). */
  nodes: Array<{ key: string; attributes?: Record<string, unknown> }>;
  /** Edges; `undirected: true` marks an undirected edge in a mixed graph. */
  edges: Array<{
    key?: string;
    source: string;
    target: string;
    undirected?: boolean;
    attributes?: Record<string, unknown>;
  }>;
}

/** Graph data in Cytoscape's `elements` form: `{ nodes: [{ data: { id } }], edges: [{ data: { source, target } }] }`. */
export interface CytoscapeJson {
  /** Cytoscape elements, grouped. */
  elements: {
    nodes: Array<{ data: { id: string; [k: string]: unknown }; position?: { x: number; y: number } }>;
    edges: Array<{ data: { id?: string; source: string; target: string; [k: string]: unknown } }>;
  };
  /** Whether edges are directed; Cytoscape itself does not say. */
  directed?: boolean;
}

/**
 * A graph file's text, as an executor request may carry it: `format` is one of the registry's ids
 * (`graphology`, `cytoscape`, `csv`, `tsv`, `graphml`, `gexf`, `dot`), or absent to tell it from the text.
 */
export interface GraphText {
  /** The format's id; absent: told from the text. */
  format?: string;
  /** The file's content. */
  text: string;
}

/** Any graph form a request may carry. */
export type GraphInput = GraphologyJson | CytoscapeJson;
