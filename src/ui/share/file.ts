import { err, type Result } from '../../shared/result';
import type { PlaygroundDoc } from '../state/doc';
import { obj, ShapeError } from './check';
import { shareError, type ShareError } from './errors';
import { LIMITS } from './limits';
import { validateDoc } from './validate';

/** The newest `.stepgraph.json` format this page reads: 2 adds breakpoints, and a file without any is still written as 1. */
export const FILE_VERSION = 2;
/** What an exported file is called. */
export const FILE_SUFFIX = '.stepgraph.json';

/** A playground as a `.stepgraph.json` file: readable JSON, the doc's fields plus a version. */
export function toFile(doc: PlaygroundDoc): string {
  const { files, mainFile, graph, settings, layout, step, breakpoints } = doc;
  const data = { files, mainFile, graph, settings, layout, step };
  const file = breakpoints?.length ? { stepgraph: 2, ...data, breakpoints } : { stepgraph: 1, ...data };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file's text → a playground, through the same strict validator as links. Never throws. */
export function parseFile(text: string): Result<PlaygroundDoc, ShareError> {
  if (text.length > LIMITS.docBytes) {
    return err(
      shareError(
        'SHARE_TOO_LARGE',
        'parseFile',
        `This file is larger than ${LIMITS.docBytes / 1024 / 1024} MB, more than a playground may hold.`,
      ),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(shareError('SHARE_BAD_JSON', 'parseFile', 'This file is not JSON, so it is not a Stepgraph export.'));
  }
  if (typeof json !== 'object' || json === null || !('stepgraph' in json)) {
    return err(
      shareError(
        'SHARE_NOT_A_FILE',
        'parseFile',
        'This JSON file is not a Stepgraph export: it has no "stepgraph" version field.',
      ),
    );
  }
  const { stepgraph: version, ...rest } = json as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(
      shareError(
        'SHARE_NOT_A_FILE',
        'parseFile',
        'This JSON file is not a Stepgraph export: its "stepgraph" field is not a version number.',
      ),
    );
  }
  if (version > FILE_VERSION) {
    return err(
      shareError(
        'SHARE_NEWER_VERSION',
        'parseFile',
        `This file was made by a newer Stepgraph (file format ${version}); this page reads format ${FILE_VERSION}. Reload to get the latest version.`,
      ),
    );
  }
  try {
    obj(rest, '', [
      'files',
      'mainFile',
      'graph',
      'settings',
      'layout',
      'step',
      ...(version >= 2 ? ['breakpoints'] : []),
    ]);
  } catch (e) {
    if (e instanceof ShapeError)
      return err(shareError('SHARE_BAD_SHAPE', 'parseFile', `This is not a Stepgraph playground: ${e.message}.`));
  }
  return validateDoc(rest);
}

/** A file name for a playground: its title in a safe form. */
export function fileNameFor(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${base || 'playground'}${FILE_SUFFIX}`;
}
