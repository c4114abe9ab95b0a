import { LIMIT_NAMES, PERMISSION_KINDS } from 'virtual:stepgraph-script-types';
import { scanManifest, type ManifestSection } from './manifestScan';
import { nearest } from './nearest';

/** The names each section of a manifest accepts: the runtime's own tables, generated at build time. */
export const SECTION_NAMES: Record<ManifestSection, readonly string[]> = {
  limits: LIMIT_NAMES,
  permissions: PERMISSION_KINDS,
};

/** A name the runtime would refuse, with its place in the text. */
export interface ManifestProblem {
  /** Offset of the key. */
  start: number;
  /** Offset just past the key. */
  end: number;
  /** What is wrong, in plain words. */
  message: string;
}

/** The manifest's unknown limit names and permission kinds: a run would stop on them before starting. */
export function manifestProblems(text: string, names = SECTION_NAMES): ManifestProblem[] {
  return scanManifest(text)
    .keys.filter((k) => !names[k.section].includes(k.name))
    .map((k) => {
      const what = k.section === 'limits' ? 'limit' : 'permission kind';
      const guess = nearest(k.name, names[k.section]);
      const hint = guess ? `Did you mean "${guess}"?` : `Known: ${names[k.section].join(', ')}.`;
      return { start: k.start, end: k.end, message: `"${k.name}" is not a ${what}. ${hint}` };
    });
}
