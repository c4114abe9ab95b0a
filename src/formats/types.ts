import type { GraphologyJson } from '../protocol/graph';
import type { FormatLimits } from './limits';

/** The formats the registry knows, by id (also the `format` of an executor request's graph). */
export type FormatId = 'graphology' | 'cytoscape' | 'csv' | 'tsv' | 'graphml' | 'gexf' | 'dot';

/** One graph format: how to tell it, read it and write it (one small object per file, in `registry.ts`). */
export interface GraphFormat {
  /** The id a request or a menu names it by. */
  id: FormatId;
  /** What a person calls it. */
  title: string;
  /** File name endings, with the dot, the first one used for exports. */
  extensions: readonly string[];
  /** The media type of an export. */
  mime: string;
  /** True when the text (its first characters, trimmed) looks like this format; the name is checked apart. */
  sniff(head: string): boolean;
  /** Reads the text into graphology JSON; throws a FormatError naming the line or element. */
  parse(text: string, limits: FormatLimits): GraphologyJson;
  /** Writes the graph in this format. */
  write(graph: GraphologyJson): string;
}
