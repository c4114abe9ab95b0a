// Graph files in and out of the page, through the formats registry (src/formats/) that the
// executor's request uses too: Import and drag-and-drop read any format, Export writes each one.
import { formatById, readGraphText, writeGraphText, type FormatCode, type FormatId } from '../../formats';
import type { GraphologyJson } from '../../protocol/graph';
import { err, ok, type Result } from '../../shared/result';
import { withEdgeKeys } from '../state/graphEdit';
import { FILE_SUFFIX } from './file';
import { LIMITS } from './limits';
import { ShapeError } from './check';
import { readGraph } from './validate';

/** A graph read from a file, with what the page says about it. */
export interface ImportedGraph {
  /** The graph, checked as strictly as a link's (ui/share/validate.ts), edges keyed. */
  graph: GraphologyJson;
  /** The format's name, for the banner. */
  title: string;
}

/** Why a graph file was refused: the formats' stable code, and a sentence without the `formats/…:` prefix. */
export interface GraphFileError {
  /** `FORMAT_SYNTAX`, `FORMAT_BAD_GRAPH`… or `SHARE_BAD_SHAPE` when the graph does not fit a playground. */
  code: FormatCode | 'SHARE_BAD_SHAPE';
  /** What is wrong, naming the line or element. */
  text: string;
}

/** True when the text is a whole playground (`.stepgraph.json`), not a graph file. */
export function isPlaygroundFile(text: string, name: string): boolean {
  if (name.toLowerCase().endsWith(FILE_SUFFIX)) return true;
  // a JSON object whose first key is the export's version field
  return /^\s*\{\s*"stepgraph"\s*:/.test(text.slice(0, 200));
}

/** Reads a graph file in any format, held to the page's limits; never throws. */
export function readGraphFile(text: string, name: string): Result<ImportedGraph, GraphFileError> {
  const read = readGraphText(text, {
    name,
    limits: { bytes: LIMITS.docBytes, nodes: LIMITS.nodes, edges: LIMITS.edges, key: LIMITS.key },
  });
  if (!read.ok) {
    const format = /^formats\/(\w+):/.exec(read.error.message)?.[1] ?? '';
    const title = formatById(format)?.title;
    return err({
      code: read.error.code,
      text: `${title ? `${title}: ` : ''}${read.error.message.replace(/^formats\/\w+: /, '')}.`,
    });
  }
  try {
    return ok({ graph: withEdgeKeys(readGraph(read.value.graph)), title: read.value.format.title });
  } catch (e) {
    const why = e instanceof ShapeError ? e.message : 'its data cannot be kept in a playground';
    return err({ code: 'SHARE_BAD_SHAPE', text: `This graph does not fit a playground: ${why}.` });
  }
}

/** The graph as a file to download in a format: name, text and media type. */
export function graphDownload(
  graph: GraphologyJson,
  id: FormatId,
  base: string,
): { name: string; text: string; mime: string } {
  const { text, extension, mime } = writeGraphText(graph, id);
  return { name: `${base || 'graph'}${extension}`, text, mime };
}
