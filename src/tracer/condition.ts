// Breakpoint conditions: an expression in the script's own terms (`dist.get(node) > 5`), typed by
// whoever set the breakpoint or wrote the link. It is parsed with Babel's parser (only the parser:
// the UI imports this file) and compiled to a small closed tree; the interpreter walks that tree over
// recorded values only. Nothing here ever evaluates JavaScript: no eval, no Function, no property
// read on a live object with a name that came from the condition.
import { parseExpression } from '@babel/parser';
import type { Expression, Node } from '@babel/types';

/** Characters a condition may have. */
export const CONDITION_MAX_CHARS = 500;
/** Nodes of the compiled tree, at most. */
const MAX_NODES = 100;
/** Nesting of the compiled tree, at most. */
const MAX_DEPTH = 64;

/** A plain value: what a recorded primitive is. */
export type Primitive = undefined | null | boolean | number | string;

/** A recorded collection, as a condition sees it: read-only, at one step. */
export interface RecordedCollection {
  /** What it is. */
  readonly kind: 'array' | 'map' | 'set' | 'object';
  /** Identity: `===` between two collections compares these. */
  readonly id: number;
  /** Items (array length), entries (map, object) or values (set). */
  readonly size: number;
  /** Array item `i` (undefined past the end). */
  item(i: number): CValue;
  /** Map and object entries as [key, value]; set values as [value, value]. */
  pairs(): Iterable<readonly [CValue, CValue]>;
}

/** A recorded value a condition can name but not look into (a function, a graph, a bigint). */
export interface OpaqueValue {
  /** Always `opaque`. */
  readonly kind: 'opaque';
  /** What it is, for messages (`a function`, `the graph`). */
  readonly what: string;
}

/** Any value a condition computes with. */
export type CValue = Primitive | RecordedCollection | OpaqueValue;

/** Resolves a name to the value recorded for it at the step, or undefined when no such variable is in scope. */
export type ConditionScope = (name: string) => { value: CValue } | undefined;

/** The arithmetic and comparison operators a condition may use. */
export type BinaryOp = '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '**';
const BINARY = new Set<string>(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '**']);
/** Methods a condition may call, and on what. */
const METHODS = new Set(['get', 'has', 'includes']);

/** A compiled condition: a closed tree the interpreter understands, nothing else. */
export type Expr =
  | { t: 'lit'; v: Primitive }
  | { t: 'var'; name: string }
  | { t: 'member'; obj: Expr; key: Expr }
  | { t: 'call'; obj: Expr; method: string; arg: Expr }
  | { t: 'not' | 'neg' | 'plus'; arg: Expr }
  | { t: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { t: 'and' | 'or' | 'nullish'; left: Expr; right: Expr }
  | { t: 'if'; test: Expr; then: Expr; else: Expr };

/** A condition that compiled, or why it did not. */
export type Compiled = { ok: true; expr: Expr } | { ok: false; error: string };

/** Raised while compiling or evaluating; caught where a condition is compiled or evaluated. */
export class ConditionError extends Error {}

/** Parses and checks a condition; never throws. */
export function compileCondition(text: string): Compiled {
  if (text.length > CONDITION_MAX_CHARS)
    return { ok: false, error: `a condition has at most ${CONDITION_MAX_CHARS} characters` };
  if (text.trim() === '') return { ok: false, error: 'the condition is empty' };
  let ast: Expression;
  try {
    ast = parseExpression(text, { plugins: ['typescript'], errorRecovery: false });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\s*\(\d+:\d+\)$/, '') : 'it does not parse';
    return { ok: false, error: `not an expression: ${message}` };
  }
  try {
    const budget = { nodes: 0 };
    return { ok: true, expr: compile(ast, budget, 0) };
  } catch (e) {
    if (e instanceof ConditionError) return { ok: false, error: e.message };
    return { ok: false, error: 'the condition cannot be read' };
  }
}

function compile(n: Node, budget: { nodes: number }, depth: number): Expr {
  if (++budget.nodes > MAX_NODES) throw new ConditionError(`a condition has at most ${MAX_NODES} parts`);
  if (depth > MAX_DEPTH) throw new ConditionError(`a condition nests at most ${MAX_DEPTH} deep`);
  const sub = (x: Node): Expr => compile(x, budget, depth + 1);
  switch (n.type) {
    case 'NumericLiteral':
      return { t: 'lit', v: n.value };
    case 'StringLiteral':
      return { t: 'lit', v: n.value };
    case 'BooleanLiteral':
      return { t: 'lit', v: n.value };
    case 'NullLiteral':
      return { t: 'lit', v: null };
    case 'Identifier':
      return { t: 'var', name: n.name };
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return sub(n.expression);
    case 'MemberExpression': {
      if (n.object.type === 'Super') throw new ConditionError('`super` is not allowed in a condition');
      const key: Expr =
        n.computed || n.property.type !== 'Identifier' ? sub(n.property) : { t: 'lit', v: n.property.name };
      return { t: 'member', obj: sub(n.object), key };
    }
    case 'OptionalMemberExpression':
      throw new ConditionError('`?.` is not allowed in a condition');
    case 'CallExpression': {
      const c = n.callee;
      if (
        c.type !== 'MemberExpression' ||
        c.computed ||
        c.property.type !== 'Identifier' ||
        !METHODS.has(c.property.name)
      )
        throw new ConditionError('a condition may call only .get(x), .has(x) and .includes(x)');
      const [arg, ...rest] = n.arguments;
      if (!arg || rest.length > 0 || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder')
        throw new ConditionError(`.${c.property.name}() takes exactly one argument`);
      return { t: 'call', obj: sub(c.object), method: c.property.name, arg: sub(arg) };
    }
    case 'UnaryExpression': {
      const t = n.operator === '!' ? 'not' : n.operator === '-' ? 'neg' : n.operator === '+' ? 'plus' : undefined;
      if (!t) throw new ConditionError(`\`${n.operator}\` is not allowed in a condition`);
      return { t, arg: sub(n.argument) };
    }
    case 'BinaryExpression':
      if (!BINARY.has(n.operator) || n.left.type === 'PrivateName')
        throw new ConditionError(`\`${n.operator}\` is not allowed in a condition`);
      return { t: 'bin', op: n.operator as BinaryOp, left: sub(n.left), right: sub(n.right) };
    case 'LogicalExpression':
      return {
        t: n.operator === '&&' ? 'and' : n.operator === '||' ? 'or' : 'nullish',
        left: sub(n.left),
        right: sub(n.right),
      };
    case 'ConditionalExpression':
      return { t: 'if', test: sub(n.test), then: sub(n.consequent), else: sub(n.alternate) };
    default:
      throw new ConditionError(`${describe(n.type)} is not allowed in a condition`);
  }
}

/** A readable name for a construct that is refused. */
function describe(type: string): string {
  const names: Record<string, string> = {
    AssignmentExpression: 'assignment',
    UpdateExpression: '`++`/`--`',
    ArrowFunctionExpression: 'a function',
    FunctionExpression: 'a function',
    NewExpression: '`new`',
    TemplateLiteral: 'a template string',
    TaggedTemplateExpression: 'a tagged template',
    SequenceExpression: 'the comma operator',
    AwaitExpression: '`await`',
    YieldExpression: '`yield`',
    ThisExpression: '`this`',
    ImportExpression: '`import()`',
    ObjectExpression: 'an object literal',
    ArrayExpression: 'an array literal',
    RegExpLiteral: 'a regular expression',
    BigIntLiteral: 'a bigint literal',
  };
  return names[type] ?? `\`${type}\``;
}
