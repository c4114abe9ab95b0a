// The interpreter of compiled breakpoint conditions (condition.ts compiles them): it walks the
// closed tree over recorded values only. Primitives are compared and added by JavaScript's own
// operators (no object is ever involved, so no valueOf or getter can run); collections are read
// through RecordedCollection; nothing is looked up on a live object by a name from the condition.
import {
  ConditionError,
  type BinaryOp,
  type ConditionScope,
  type CValue,
  type Expr,
  type OpaqueValue,
  type Primitive,
  type RecordedCollection,
} from './condition';

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
