/**
 * The packages a script may import, by specifier: the import allowlist's names, apart from the
 * modules themselves so that the build (the editor's declaration bundle) reads the same list
 * without loading the packages.
 */
export const ALLOWED_PACKAGE_NAMES = [
  'graphology',
  'graphology-components',
  'graphology-dag',
  'graphology-metrics',
  'graphology-shortest-path',
  'graphology-traversal',
] as const;

/** One of {@link ALLOWED_PACKAGE_NAMES}. */
export type AllowedPackageName = (typeof ALLOWED_PACKAGE_NAMES)[number];
