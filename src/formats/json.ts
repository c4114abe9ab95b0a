import { FORMAT_CODES, FormatError, lineAt } from './errors';
import { jsonErrorOffset } from './jsonError';

/** JSON.parse with the line of a syntax error in the message (engines say "position N" or "line N"). */
export function parseJson(text: string, reader: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/.exec(message)?.[1] ?? lineOfPosition(text, message);
    throw new FormatError(
      FORMAT_CODES.SYNTAX,
      reader,
      `not valid JSON${line ? ` at line ${line}` : ''} (${message.slice(0, 160)})`,
      line ? { line: Number(line) } : {},
    );
  }
}

function lineOfPosition(text: string, message: string): string | undefined {
  const at = /position (\d+)/.exec(message)?.[1];
  if (at !== undefined) return String(lineAt(text, Number(at)));
  const offset = jsonErrorOffset(text);
  return offset < 0 ? undefined : String(lineAt(text, offset));
}
