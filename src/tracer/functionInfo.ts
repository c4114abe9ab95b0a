import * as t from '@babel/types';
import type { NodePath } from './babel';

/**
 * Whether a function's body can move into a block unchanged: a block refuses two function
 * declarations of one name, or a function and a `var` of one name, which a function body allows.
 */
export function blockSafe(path: NodePath<t.Function>): boolean {
  const body = path.node.body as t.BlockStatement;
  const fns = body.body.filter((s): s is t.FunctionDeclaration => t.isFunctionDeclaration(s)).map((f) => f.id?.name);
  if (fns.length === 0) return true;
  const names = new Set<string>();
  for (const n of fns) {
    if (n === undefined || names.has(n)) return false;
    names.add(n);
  }
  let clash = false;
  path.get('body').traverse({
    Function: (p) => p.skip(),
    VariableDeclaration: (p) => {
      if (p.node.kind !== 'var') return;
      for (const d of p.node.declarations)
        for (const n of Object.keys(t.getBindingIdentifiers(d.id))) if (names.has(n)) clash = true;
    },
  });
  return !clash;
}

/** The name a function is known by in the trace: its own, its variable's, its key's, or `(anonymous)`. */
export function functionName(path: NodePath<t.Function>): string {
  const node = path.node;
  if ((t.isFunctionDeclaration(node) || t.isFunctionExpression(node)) && node.id) return node.id.name;
  if ((t.isObjectMethod(node) || t.isClassMethod(node)) && t.isIdentifier(node.key)) return node.key.name;
  const parent = path.parent;
  if (t.isVariableDeclarator(parent) && t.isIdentifier(parent.id)) return parent.id.name;
  if ((t.isObjectProperty(parent) || t.isClassProperty(parent)) && t.isIdentifier(parent.key)) return parent.key.name;
  if (t.isAssignmentExpression(parent) && t.isIdentifier(parent.left)) return parent.left.name;
  return '(anonymous)';
}

/** The statement under a chain of labels (`a: b: for …`). */
export function innermostLabeled(s: t.LabeledStatement): t.Statement {
  let b: t.Statement = s;
  while (t.isLabeledStatement(b)) b = b.body;
  return b;
}

/** A node's source range, 1-based, for a variable's scope. */
export function rangeOf(node: t.Node): [number, number, number, number] | undefined {
  const loc = node.loc;
  return loc ? [loc.start.line, loc.start.column + 1, loc.end.line, loc.end.column + 1] : undefined;
}
