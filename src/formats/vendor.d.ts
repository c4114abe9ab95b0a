// Types for the graphology XML readers' internal entry points, which take a DOMParser: their
// package endpoints pick one by environment (the page's, or an old xmldom), which a Web Worker lacks.
declare module 'graphology-graphml/common/parser.js' {
  import type Graph from 'graphology';
  type Parse = (G: typeof Graph, source: unknown, options?: { addMissingNodes?: boolean }) => Graph;
  const createParser: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParser;
}
declare module 'graphology-gexf/common/parser.js' {
  import type Graph from 'graphology';
  type Parse = (G: typeof Graph, source: unknown, options?: { addMissingNodes?: boolean }) => Graph;
  const createParser: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParser;
}
declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology';
  const write: (graph: Graph, options?: { pretty?: boolean; version?: string }) => string;
  export default write;
}
