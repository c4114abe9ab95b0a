import * as t from '@babel/types';

/** Methods that never change their receiver: calling them does not count as a write. */
const PURE_METHODS = new Set([
  'has',
  'get',
  'includes',
  'indexOf',
  'lastIndexOf',
  'slice',
  'concat',
  'join',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'forEach',
  'keys',
  'values',
  'entries',
  'at',
  'toString',
  'toFixed',
  'flat',
  'flatMap',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'startsWith',
  'endsWith',
  'trim',
  'split',
  'substring',
  'padStart',
  'padEnd',
  'toUpperCase',
  'toLowerCase',
  'replace',
  'replaceAll',
  'match',
  'matchAll',
  'test',
  'hasOwnProperty',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
  'localeCompare',
  'valueOf',
]);

/** The variable at the root of `a.b[c].d`, or undefined for `this.x` and calls. */
function rootName(node: t.Node): string | undefined {
  let n: t.Node = node;
  while (t.isMemberExpression(n) || t.isOptionalMemberExpression(n) || t.isTSNonNullExpression(n)) {
    n = t.isTSNonNullExpression(n) ? n.expression : n.object;
  }
  return t.isIdentifier(n) ? n.name : undefined;
}

function methodName(callee: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  if (!callee.computed && t.isIdentifier(callee.property)) return callee.property.name;
  if (t.isStringLiteral(callee.property)) return callee.property.value;
  return undefined;
}

function patternNames(node: t.Node, out: Set<string>): void {
  if (t.isMemberExpression(node)) {
    const r = rootName(node);
    if (r) out.add(r);
    return;
  }
  for (const name of Object.keys(t.getBindingIdentifiers(node))) out.add(name);
}

/**
 * Names of the variables a statement's own expressions may change: declared, assigned, updated,
 * or the receiver of a method call that may mutate it (`queue.push(v)`). Nested functions are
 * not looked into, except expression-bodied arrows (`xs.forEach(x => seen.add(x))`), whose own
 * parameters are left out.
 */
export function collectWrites(
  node: t.Node | null | undefined,
  out = new Set<string>(),
  local = new Set<string>(),
): Set<string> {
  if (!node) return out;
  const add = (names: Set<string>): void => {
    for (const n of names) if (!local.has(n)) out.add(n);
  };
  if (t.isVariableDeclarator(node)) {
    patternNames(node.id, out);
    collectWrites(node.init, out, local);
    return out;
  }
  if (t.isAssignmentExpression(node)) {
    const names = new Set<string>();
    patternNames(node.left, names);
    add(names);
    collectWrites(node.right, out, local);
    if (t.isMemberExpression(node.left)) collectWrites(node.left, out, local);
    return out;
  }
  if (t.isUpdateExpression(node)) {
    const r = rootName(node.argument);
    if (r && !local.has(r)) out.add(r);
    return out;
  }
  if (t.isCallExpression(node) || t.isOptionalCallExpression(node)) {
    const callee = node.callee;
    if (t.isMemberExpression(callee) || t.isOptionalMemberExpression(callee)) {
      const m = methodName(callee);
      const r = rootName(callee.object);
      if (r && !local.has(r) && !(m && PURE_METHODS.has(m))) out.add(r);
    }
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
    if (Array.isArray(child)) for (const c of child) collectWrites(c as t.Node, out, local);
    else if (child && typeof child === 'object') collectWrites(child as t.Node, out, local);
  }
  return out;
}
