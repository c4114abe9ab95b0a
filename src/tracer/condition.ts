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

type BinaryOp = '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '**';
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

/** Raised while compiling or evaluating; caught at this module's boundary. */
class ConditionError extends Error {}

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

/** The result of evaluating a condition at one step. */
export type Evaluated = { ok: true; value: boolean } | { ok: false; error: string };

/** Evaluates a compiled condition over recorded values; never throws, never runs code. */
export function evaluateCondition(expr: Expr, scope: ConditionScope): Evaluated {
  try {
    return { ok: true, value: truthy(run(expr, scope)) };
  } catch (e) {
    if (e instanceof ConditionError) return { ok: false, error: e.message };
    return { ok: false, error: 'the condition cannot be evaluated' };
  }
}

const isCollection = (v: CValue): v is RecordedCollection => typeof v === 'object' && v !== null && v.kind !== 'opaque';
const isOpaque = (v: CValue): v is OpaqueValue => typeof v === 'object' && v !== null && v.kind === 'opaque';

function truthy(v: CValue): boolean {
  return typeof v === 'object' && v !== null ? true : Boolean(v);
}

/** `===` where collections compare by identity and primitives as JavaScript does. */
function same(a: CValue, b: CValue): boolean {
  if (isCollection(a) || isCollection(b)) return isCollection(a) && isCollection(b) && a.id === b.id;
  if (isOpaque(a) || isOpaque(b)) return false;
  return a === b;
}

/** SameValueZero: how Map and Set find keys. */
function sameKey(a: CValue, b: CValue): boolean {
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return true;
  return same(a, b);
}

function kindName(v: CValue): string {
  if (isOpaque(v)) return v.what;
  if (isCollection(v)) return { array: 'an array', map: 'a Map', set: 'a Set', object: 'an object' }[v.kind];
  return v === null ? 'null' : v === undefined ? 'undefined' : `a ${typeof v}`;
}

/** A primitive for arithmetic and comparison; collections and opaque values are refused. */
function prim(v: CValue, op: string): Primitive {
  if (typeof v === 'object' && v !== null) throw new ConditionError(`\`${op}\` cannot be used on ${kindName(v)}`);
  return v;
}

function run(e: Expr, scope: ConditionScope): CValue {
  switch (e.t) {
    case 'lit':
      return e.v;
    case 'var': {
      const found = scope(e.name);
      if (found) return found.value;
      if (e.name === 'undefined') return undefined;
      if (e.name === 'NaN') return NaN;
      if (e.name === 'Infinity') return Infinity;
      throw new ConditionError(`no variable \`${e.name}\` at this step`);
    }
    case 'member':
      return member(run(e.obj, scope), run(e.key, scope));
    case 'call':
      return call(run(e.obj, scope), e.method, run(e.arg, scope));
    case 'not':
      return !truthy(run(e.arg, scope));
    case 'neg':
      return -(prim(run(e.arg, scope), '-') as number);
    case 'plus':
      return +(prim(run(e.arg, scope), '+') as number);
    case 'and': {
      const l = run(e.left, scope);
      return truthy(l) ? run(e.right, scope) : l;
    }
    case 'or': {
      const l = run(e.left, scope);
      return truthy(l) ? l : run(e.right, scope);
    }
    case 'nullish': {
      const l = run(e.left, scope);
      return l === null || l === undefined ? run(e.right, scope) : l;
    }
    case 'if':
      return truthy(run(e.test, scope)) ? run(e.then, scope) : run(e.else, scope);
    case 'bin':
      return binary(e.op, run(e.left, scope), run(e.right, scope));
  }
}

function binary(op: BinaryOp, l: CValue, r: CValue): CValue {
  if (op === '===') return same(l, r);
  if (op === '!==') return !same(l, r);
  if (op === '==' || op === '!=') {
    // between primitives JavaScript's own `==` is safe (no object, so no valueOf to call)
    const eq = typeof l === 'object' && l !== null ? same(l, r) : typeof r === 'object' && r !== null ? false : l == r;
    return op === '==' ? eq : !eq;
  }
  const a = prim(l, op) as number;
  const b = prim(r, op) as number;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '**':
      return a ** b;
  }
}

function member(obj: CValue, key: CValue): CValue {
  if (typeof obj === 'string') {
    if (key === 'length') return obj.length;
    if (typeof key === 'number' && Number.isInteger(key))
      return key >= 0 && key < obj.length ? obj.charAt(key) : undefined;
    throw new ConditionError('a string has only .length and [index] in a condition');
  }
  if (!isCollection(obj)) throw new ConditionError(`cannot read \`${String(key)}\` of ${kindName(obj)}`);
  if (obj.kind === 'array') {
    if (key === 'length') return obj.size;
    if (typeof key === 'number' && Number.isInteger(key)) return key >= 0 && key < obj.size ? obj.item(key) : undefined;
    throw new ConditionError('an array has only .length, [index] and .includes(x) in a condition');
  }
  if (obj.kind === 'map' || obj.kind === 'set') {
    if (key === 'size') return obj.size;
    const has = obj.kind === 'map' ? '.size, .get(key) and .has(key)' : '.size and .has(value)';
    throw new ConditionError(`${kindName(obj)} has only ${has} in a condition`);
  }
  // a plain object: only its recorded entries, never anything inherited
  if (typeof key !== 'string' && typeof key !== 'number') throw new ConditionError('an object key is a string');
  const name = String(key);
  for (const [k, v] of obj.pairs()) if (k === name) return v;
  return undefined;
}

function call(obj: CValue, method: string, arg: CValue): CValue {
  if (!isCollection(obj)) throw new ConditionError(`.${method}() cannot be called on ${kindName(obj)}`);
  if (method === 'includes' && obj.kind === 'array') {
    for (let i = 0; i < obj.size; i++) if (sameKey(obj.item(i), arg)) return true;
    return false;
  }
  if (method === 'has' && (obj.kind === 'map' || obj.kind === 'set')) {
    for (const [k] of obj.pairs()) if (sameKey(k, arg)) return true;
    return false;
  }
  if (method === 'get' && obj.kind === 'map') {
    for (const [k, v] of obj.pairs()) if (sameKey(k, arg)) return v;
    return undefined;
  }
  throw new ConditionError(`.${method}() cannot be called on ${kindName(obj)}`);
}
