import * as t from '@babel/types';
import { generate, traverse, type NodePath } from './babel';
import { generated } from './moduleSyntax';
import type { Tables } from './tables';
import { tracked } from './crashSite';

/** Method names that may change their receiver when it is a built-in collection. */
const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'set',
  'add',
  'delete',
  'clear',
]);
const LOGICAL = new Set(['&&=', '||=', '??=']);

const sg = (method: string, args: Array<t.Expression | t.SpreadElement>): t.CallExpression =>
  t.callExpression(t.memberExpression(t.identifier('__sg'), t.identifier(method)), args);

/** Evaluating it twice is unobservable: a name or `this` (a getter on a name is the user's own risk, as in any copy). */
const simple = (e: t.Node): boolean => t.isIdentifier(e) || t.isThisExpression(e);

/**
 * Rewrites the ways a script changes objects so that the recorder learns each change as an
 * operation instead of copying collections at every step:
 * `o.push(x)` → `__sg.c1(site, o, o.push, x)`, `o[k] = v` → `__sg.p(o, k, v)`, `delete o[k]` →
 * `__sg.d(o, k)`, compound assignments and `++`/`--` on members through temporaries that keep
 * JavaScript's order of evaluation. Runs before the step instrumentation; mutates `ast`.
 */
export function rewriteMutations(ast: t.File, tables: Tables): void {
  const temps = new Map<t.Node, string[]>();
  let next = 0;
  const temp = (path: NodePath): t.Identifier => {
    const inParams = path.findParent((p) => p.listKey === 'params') !== null;
    const fn = inParams ? null : path.getFunctionParent();
    const owner = fn ? fn.node : path.scope.getProgramParent().block;
    const name = `__t${next++}`;
    temps.set(owner, [...(temps.get(owner) ?? []), name]);
    return t.identifier(name);
  };
  const key = (m: t.MemberExpression): t.Expression =>
    m.computed ? (m.property as t.Expression) : t.stringLiteral((m.property as t.Identifier).name);
  const rewritable = (m: t.Node): m is t.MemberExpression =>
    t.isMemberExpression(m) && !t.isSuper(m.object) && !t.isPrivateName(m.property);

  traverse(
    ast,
    tracked({
      CallExpression: {
        exit(path) {
          const { callee, arguments: args } = path.node;
          if (!t.isMemberExpression(callee) || t.isSuper(callee.object) || callee.computed || path.node.optional)
            return;
          if (!t.isIdentifier(callee.property) || !MUTATORS.has(callee.property.name)) return;
          const site = tables.name(calleeText(callee));
          let obj: t.Expression = callee.object;
          let again: t.Expression = t.cloneNode(obj);
          if (!simple(obj)) {
            const tmp = temp(path);
            obj = t.assignmentExpression('=', tmp, obj);
            again = t.identifier(tmp.name);
          }
          const fn = t.memberExpression(again, t.identifier(callee.property.name));
          const spread = args.some((a) => t.isSpreadElement(a));
          const method = spread || args.length > 2 ? 'cn' : `c${args.length}`;
          path.replaceWith(
            sg(method, [t.numericLiteral(site), obj, fn, ...(args as Array<t.Expression | t.SpreadElement>)]),
          );
          path.skip();
        },
      },
      AssignmentExpression: {
        exit(path) {
          const { left, right, operator } = path.node;
          if (!rewritable(left)) return;
          if (operator === '=') {
            path.replaceWith(sg('p', [left.object as t.Expression, key(left), right]));
            path.skip();
            return;
          }
          const o = temp(path);
          const parts: t.Expression[] = [t.assignmentExpression('=', o, left.object as t.Expression)];
          let k: t.Expression = key(left);
          if (left.computed) {
            const kt = temp(path);
            parts.push(t.assignmentExpression('=', kt, k));
            k = t.identifier(kt.name);
          }
          const read = t.memberExpression(t.identifier(o.name), t.cloneNode(k), true);
          const put = (v: t.Expression): t.CallExpression => sg('p', [t.identifier(o.name), t.cloneNode(k), v]);
          if (LOGICAL.has(operator)) {
            parts.push(t.logicalExpression(operator.slice(0, 2) as '&&' | '||' | '??', read, put(right)));
          } else {
            const op = operator.slice(0, -1) as t.BinaryExpression['operator'];
            parts.push(put(t.binaryExpression(op, read, right)));
          }
          path.replaceWith(t.sequenceExpression(parts));
          path.skip();
        },
      },
      UpdateExpression: {
        exit(path) {
          const { argument, operator, prefix } = path.node;
          if (!rewritable(argument)) return;
          const o = temp(path);
          const parts: t.Expression[] = [t.assignmentExpression('=', o, argument.object as t.Expression)];
          let k: t.Expression = key(argument);
          if (argument.computed) {
            const kt = temp(path);
            parts.push(t.assignmentExpression('=', kt, k));
            k = t.identifier(kt.name);
          }
          const old = temp(path);
          const read = t.memberExpression(t.identifier(o.name), t.cloneNode(k), true);
          parts.push(t.assignmentExpression('=', old, sg('num', [read])));
          const next = sg('inc', [t.identifier(old.name), t.numericLiteral(operator === '++' ? 1 : -1)]);
          parts.push(sg('p', [t.identifier(o.name), t.cloneNode(k), next]));
          if (!prefix) parts.push(t.identifier(old.name));
          path.replaceWith(t.sequenceExpression(parts));
          path.skip();
        },
      },
      UnaryExpression: {
        exit(path) {
          const { argument, operator } = path.node;
          if (operator !== 'delete' || !rewritable(argument)) return;
          path.replaceWith(sg('d', [argument.object as t.Expression, key(argument)]));
          path.skip();
        },
      },
    }),
  );
  rewriteDestructuring(ast);
  declareTemps(temps);
  traverse.cache.clear();
}

/**
 * `[a[i], a[j]] = [a[j], a[i]]`: each member target `o[k]` of a destructuring assignment becomes
 * `__sg.sink(o, k).v`, a target whose setter puts the value through `__sg.p`. The object and key are
 * evaluated where JavaScript evaluates the target, and the put happens at the very point of the
 * destructuring where JavaScript makes it (so a setter that throws closes the iterator as it would).
 */
function rewriteDestructuring(ast: t.File): void {
  traverse(
    ast,
    tracked({
      AssignmentExpression(path) {
        const { left, operator } = path.node;
        if (operator !== '=' || !(t.isArrayPattern(left) || t.isObjectPattern(left))) return;
        const members: Array<{ holder: Record<string, unknown>; field: string; m: t.MemberExpression }> = [];
        collectMembers(left, members);
        for (const { holder, field, m } of members) {
          const k = m.computed ? (m.property as t.Expression) : t.stringLiteral((m.property as t.Identifier).name);
          holder[field] = t.memberExpression(sg('sink', [m.object as t.Expression, k]), t.identifier('v'));
        }
      },
    }),
  );
}

function collectMembers(
  node: t.Node,
  out: Array<{ holder: Record<string, unknown>; field: string; m: t.MemberExpression }>,
): void {
  const visit = (holder: Record<string, unknown>, field: string): void => {
    const child = holder[field] as t.Node | null;
    if (!child) return;
    // a private name (`this.#x`) or `super.x` stays a target as written: it is never a tracked collection's key
    if (t.isMemberExpression(child)) {
      if (!t.isPrivateName(child.property) && !t.isSuper(child.object)) out.push({ holder, field, m: child });
    } else collectMembers(child, out);
  };
  if (t.isArrayPattern(node))
    node.elements.forEach((_, i) => visit(node.elements as unknown as Record<string, unknown>, String(i)));
  else if (t.isObjectPattern(node)) {
    for (const p of node.properties) {
      if (t.isRestElement(p)) visit(p as unknown as Record<string, unknown>, 'argument');
      else visit(p as unknown as Record<string, unknown>, 'value');
    }
  } else if (t.isAssignmentPattern(node)) visit(node as unknown as Record<string, unknown>, 'left');
  else if (t.isRestElement(node)) visit(node as unknown as Record<string, unknown>, 'argument');
}

/** The callee as the engine names it in "x.push is not a function": as written, types stripped. */
function calleeText(callee: t.MemberExpression): string {
  const bare = t.cloneNode(callee, true, true);
  traverse(t.file(t.program([t.expressionStatement(bare)])), {
    'TSAsExpression|TSSatisfiesExpression|TSNonNullExpression|TSTypeAssertion|ParenthesizedExpression'(p: NodePath) {
      p.replaceWith((p.node as t.TSAsExpression).expression);
    },
  });
  return generate(bare).code;
}

/** Declares each function's temporaries at its top (an expression-bodied arrow gets a block). */
function declareTemps(temps: Map<t.Node, string[]>): void {
  for (const [owner, names] of temps) {
    const decl = t.variableDeclaration(
      'let',
      names.map((n) => t.variableDeclarator(t.identifier(n))),
    );
    generated.add(decl);
    if (t.isProgram(owner)) owner.body.unshift(decl);
    else if (t.isFunction(owner) && t.isBlockStatement(owner.body)) owner.body.body.unshift(decl);
    else if (t.isArrowFunctionExpression(owner)) {
      const ret = t.returnStatement(owner.body as t.Expression);
      generated.add(ret);
      owner.body = t.blockStatement([decl, ret]);
    }
  }
}
