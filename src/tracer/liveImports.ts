import * as t from '@babel/types';
import { traverse, type NodePath } from './babel';

/** Where an imported name lives: a property of the imported module's exports object. */
export interface ImportedName {
  /** The variable holding the imported module's exports (`__m0`). */
  ns: string;
  /** The exported name (`default` for a default import). */
  key: string;
}

// TS nodes that hold a value expression; any other TS node around an identifier makes it a type
const VALUE_TS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);
const inType = (p: NodePath): boolean =>
  p.findParent((q) => q.node.type.startsWith('TS') && !VALUE_TS.has(q.node.type)) !== null;

/**
 * ES imports are live bindings: `import { n } from './c'` sees later changes of `n` in `c`. Each
 * value reference to an imported name (declared by `const n = __m0["n"]`, whose id is a key of
 * `names`) is rewritten to read `__m0["n"]` where it is used. Mutates `program`.
 */
export function makeImportsLive(program: t.Program, names: ReadonlyMap<t.Identifier, ImportedName>): void {
  if (names.size === 0) return;
  traverse(t.file(program), {
    ReferencedIdentifier(p) {
      if (!p.isIdentifier()) return;
      const binding = p.scope.getBinding(p.node.name);
      const target = binding && names.get(binding.identifier);
      if (!target || p.node === binding.identifier || inType(p)) return;
      const parent = p.parent;
      if (t.isObjectProperty(parent) && parent.shorthand && parent.value === p.node) parent.shorthand = false;
      p.replaceWith(t.memberExpression(t.identifier(target.ns), t.stringLiteral(target.key), true));
      p.skip();
    },
  });
  // the instrumenter crawls scopes again from scratch; do not hand it the ones made here
  traverse.cache.clear();
}
