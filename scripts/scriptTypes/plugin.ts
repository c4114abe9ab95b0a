import type { Plugin } from 'vite';
import { ALLOWED_PACKAGE_NAMES } from '../../src/executor/allowedPackages';
import { LIMIT_KINDS } from '../../src/runtime/limits';
import { PERMISSION_KINDS } from '../../src/runtime/permissions';
import { collectDeclarations, projectRoot, type DeclarationFile } from './collect';
import { scriptGlobals } from './globals';

/** The module the editor imports its declaration bundle from. */
export const SCRIPT_TYPES_ID = 'virtual:stepgraph-script-types';
const RESOLVED = `\0${SCRIPT_TYPES_ID}`;

/** Everything the editor's TypeScript service is given: the globals, then every allowlisted package's declarations. */
export function scriptDeclarations(root = projectRoot()): DeclarationFile[] {
  return [
    { path: 'file:///stepgraph-globals.d.ts', text: scriptGlobals() },
    ...collectDeclarations(ALLOWED_PACKAGE_NAMES, root),
  ];
}

/** The bundle's source, as the virtual module serves it. */
export function scriptTypesModule(root = projectRoot()): string {
  return [
    `export const DECLARATIONS = ${JSON.stringify(scriptDeclarations(root))};`,
    `export const LIMIT_NAMES = ${JSON.stringify(Object.keys(LIMIT_KINDS))};`,
    `export const PERMISSION_KINDS = ${JSON.stringify(PERMISSION_KINDS)};`,
  ].join('\n');
}

/**
 * Generates the editor's declaration bundle at build time (and in the dev server) from the
 * packages' own `.d.ts` and the runtime's tables, as the module `virtual:stepgraph-script-types`.
 */
export function scriptTypesPlugin(): Plugin {
  return {
    name: 'stepgraph-script-types',
    resolveId: { filter: { id: /^virtual:stepgraph-script-types$/ }, handler: () => RESOLVED },
    load: { filter: { id: /^\0virtual:stepgraph-script-types$/ }, handler: () => scriptTypesModule() },
  };
}
