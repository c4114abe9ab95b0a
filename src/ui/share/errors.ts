/** Why a link or a file could not be opened. Stable: tests and callers match on these. */
export type ShareErrorCode =
  /** The text is not a Stepgraph link (no `s<version>.` prefix). */
  | 'SHARE_NOT_A_LINK'
  /** Made by a newer Stepgraph whose format this page cannot read. */
  | 'SHARE_NEWER_VERSION'
  /** Longer than any link this page would make or read. */
  | 'SHARE_TOO_LONG'
  /** Characters outside base64url, or a length no encoder produces. */
  | 'SHARE_BAD_ENCODING'
  /** The data does not decompress or fails its checksum: cut short or damaged. */
  | 'SHARE_CORRUPT'
  /** Decompresses to more than the page accepts (a decompression bomb, or an enormous playground). */
  | 'SHARE_TOO_LARGE'
  /** Decompresses, but not to JSON text. */
  | 'SHARE_BAD_JSON'
  /** JSON, but not a playground: a field is missing, extra, of the wrong type or out of range. */
  | 'SHARE_BAD_SHAPE'
  /** A file that is not a Stepgraph export. */
  | 'SHARE_NOT_A_FILE';

/** A failure to open a link or a file: a stable code and a sentence for the person who opened it. */
export interface ShareError {
  /** Stable machine-readable code. */
  code: ShareErrorCode;
  /** `share/function: sentence`, the sentence readable by someone who did not write the link. */
  message: string;
}

/** Makes a ShareError; `where` is the function that refused. */
export const shareError = (code: ShareErrorCode, where: string, sentence: string): ShareError => ({
  code,
  message: `share/${where}: ${sentence}`,
});

/** The sentence of an error, without its `share/function:` prefix, for the page. */
export const userText = (e: ShareError): string => e.message.replace(/^share\/\w+: /, '');
