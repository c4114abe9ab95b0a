import * as t from '@babel/types';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';

/**
 * Reads a manifest literal without running it: objects, arrays, strings, numbers, booleans, null
 * and negated numbers only. The error names the path of the first field that is not a literal.
 */
export function readLiteral(node: t.Node, path = 'manifest'): Result<unknown, string> {
  if (t.isStringLiteral(node) || t.isNumericLiteral(node) || t.isBooleanLiteral(node)) return ok(node.value);
  if (t.isNullLiteral(node)) return ok(null);
  if (t.isTemplateLiteral(node) && node.expressions.length === 0) return ok(node.quasis[0]?.value.cooked ?? '');
  if (t.isUnaryExpression(node) && node.operator === '-' && t.isNumericLiteral(node.argument))
    return ok(-node.argument.value);
  if (t.isTSAsExpression(node) || t.isTSSatisfiesExpression(node)) return readLiteral(node.expression, path);
  if (t.isArrayExpression(node)) {
    const out: unknown[] = [];
    for (const [i, el] of node.elements.entries()) {
      if (!el || t.isSpreadElement(el)) return err(`${path}[${i}] must be a literal`);
      const r = readLiteral(el, `${path}[${i}]`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  }
  if (t.isObjectExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      if (!t.isObjectProperty(p) || p.computed) return err(`${path} may only hold plain "key: value" fields`);
      const key = t.isIdentifier(p.key)
        ? p.key.name
        : t.isStringLiteral(p.key)
          ? p.key.value
          : t.isNumericLiteral(p.key)
            ? String(p.key.value)
            : undefined;
      if (key === undefined) return err(`${path} has a key that is not a name or a string`);
      const r = readLiteral(p.value, `${path}.${key}`);
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return ok(out);
  }
  return err(`${path} must be a literal (found ${node.type})`);
}
