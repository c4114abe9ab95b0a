import * as t from '@babel/types';

function bound(node: t.Node, out: Set<string>, local: ReadonlySet<string>): void {
  // a member target (`o.k = v`, `[a[i]] = …`) changes an object, not a binding: that is an operation
  if (t.isMemberExpression(node) || t.isOptionalMemberExpression(node)) return;
  for (const name of Object.keys(t.getBindingIdentifiers(node))) if (!local.has(name)) out.add(name);
}

/**
 * Names of the variables a statement's own expressions bind to a new value: declared, assigned or
 * updated (`x = …`, `x++`, `[a, b] = …`). Changes inside objects (`queue.push(v)`, `dist[v] = d`)
 * are not writes: the recorder learns them as operations on the object. Nested functions are not
 * looked into, except expression-bodied arrows, whose own parameters are left out.
 */
export function collectWrites(
  node: t.Node | null | undefined,
  out = new Set<string>(),
  local: ReadonlySet<string> = new Set<string>(),
): Set<string> {
  if (!node) return out;
  if (t.isVariableDeclarator(node)) {
    bound(node.id, out, local);
    collectWrites(node.init, out, local);
    return out;
  }
  if (t.isAssignmentExpression(node)) {
    bound(node.left, out, local);
    collectWrites(node.right, out, local);
    collectWrites(node.left, out, local);
    return out;
  }
  if (t.isUpdateExpression(node)) {
    if (t.isIdentifier(node.argument) && !local.has(node.argument.name)) out.add(node.argument.name);
    collectWrites(node.argument, out, local);
    return out;
  }
  if (t.isArrowFunctionExpression(node) && !t.isBlockStatement(node.body)) {
    const inner = new Set(local);
    for (const p of node.params) for (const n of Object.keys(t.getBindingIdentifiers(p))) inner.add(n);
    collectWrites(node.body, out, inner);
    return out;
  }
  if (
    t.isFunction(node) ||
    t.isClass(node) ||
    (t.isStatement(node) && !t.isExpressionStatement(node) && !t.isVariableDeclaration(node))
  ) {
    return out;
  }
  for (const key of t.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c) collectWrites(c as t.Node, out, local);
    } else if (child && typeof child === 'object') collectWrites(child as t.Node, out, local);
  }
  return out;
}
