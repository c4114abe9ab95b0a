/** Declarations Monaco's TypeScript service sees for every script: the globals a run injects. */
export const SCRIPT_GLOBALS = `
declare const graph: import('graphology').default;
/** Resolves after \`ms\` milliseconds, through the kernel's timers. */
declare function sleep(ms: number): Promise<void>;
/** Printed output lands on the step that printed it. */
declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  debug(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
  table(...values: unknown[]): void;
  dir(...values: unknown[]): void;
};
`;

/** A small ambient stand-in for graphology's types, enough for IntelliSense on \`graph\`. */
export const GRAPHOLOGY_TYPES = `
declare module 'graphology' {
  type Attributes = Record<string, unknown>;
  export default class Graph {
    constructor(options?: { type?: 'mixed' | 'directed' | 'undirected'; multi?: boolean; allowSelfLoops?: boolean });
    readonly order: number;
    readonly size: number;
    readonly type: 'mixed' | 'directed' | 'undirected';
    nodes(): string[];
    edges(): string[];
    hasNode(node: string): boolean;
    hasEdge(source: string, target?: string): boolean;
    neighbors(node: string): string[];
    outNeighbors(node: string): string[];
    inNeighbors(node: string): string[];
    degree(node: string): number;
    source(edge: string): string;
    target(edge: string): string;
    extremities(edge: string): [string, string];
    opposite(node: string, edge: string): string;
    edge(source: string, target: string): string | undefined;
    outEdges(node: string): string[];
    addNode(node: string, attributes?: Attributes): string;
    addEdge(source: string, target: string, attributes?: Attributes): string;
    dropNode(node: string): void;
    dropEdge(edge: string): void;
    getNodeAttribute(node: string, name: string): any;
    setNodeAttribute(node: string, name: string, value: unknown): void;
    getEdgeAttribute(edge: string, name: string): any;
    setEdgeAttribute(edge: string, name: string, value: unknown): void;
    forEachNode(cb: (node: string, attributes: Attributes) => void): void;
    forEachEdge(cb: (edge: string, attributes: Attributes, source: string, target: string) => void): void;
    forEachNeighbor(node: string, cb: (neighbor: string, attributes: Attributes) => void): void;
    forEachOutEdge(node: string, cb: (edge: string, attributes: Attributes, source: string, target: string) => void): void;
  }
}
`;
