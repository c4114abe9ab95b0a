// graphology's own type declarations, bundled as text for Monaco's TypeScript service: the
// editor then knows `graph` exactly as the run does. (graphology's package exports do not list
// its .d.ts as a subpath, hence the path through node_modules.)
import graphologyDts from '../../../node_modules/graphology/dist/graphology.d.ts?raw';
import graphologyTypesDts from '../../../node_modules/graphology-types/index.d.ts?raw';

/** Declaration files to add to the editor, by the path Monaco resolves `import … from 'graphology'` to. */
export const GRAPHOLOGY_LIBS: ReadonlyArray<{ path: string; text: string }> = [
  { path: 'file:///node_modules/graphology/index.d.ts', text: graphologyDts },
  { path: 'file:///node_modules/graphology-types/index.d.ts', text: graphologyTypesDts },
];
