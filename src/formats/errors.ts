import { StepgraphError } from '../shared/errors';

/** Why a graph file could not be read (or written); tests match on these, never on the text. */
export const FORMAT_CODES = {
  /** The text is larger than the formats read (FORMAT_LIMITS.bytes). */
  TOO_LARGE: 'FORMAT_TOO_LARGE',
  /** More nodes or edges than the formats read. */
  TOO_MANY: 'FORMAT_TOO_MANY',
  /** The text is not in the format's syntax (bad XML, JSON, DOT or CSV): the message names the line. */
  SYNTAX: 'FORMAT_SYNTAX',
  /** The syntax is fine but it is not a graph: a missing node, a bad key; the message names the element. */
  BAD_GRAPH: 'FORMAT_BAD_GRAPH',
  /** No format could be told from the file's name and content, or the named format does not exist. */
  UNKNOWN: 'FORMAT_UNKNOWN',
} as const;

/** One of {@link FORMAT_CODES}. */
export type FormatCode = (typeof FORMAT_CODES)[keyof typeof FORMAT_CODES];

/** A graph file that could not be read, with a stable code and a message that names the line or element. */
export class FormatError extends StepgraphError {
  declare readonly code: FormatCode;
  constructor(code: FormatCode, where: string, message: string, details: Record<string, unknown> = {}) {
    super(code, `formats/${where}: ${message}`, details);
    this.name = 'FormatError';
  }
}

/** The line (1-based) of offset `at` in `text`. */
export function lineAt(text: string, at: number): number {
  let line = 1;
  const end = Math.min(at, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
