import type { TraceValue } from '../protocol/trace';
import {
  className,
  eachEntry,
  eachValue,
  functionName,
  isMap,
  isScriptProxy,
  isSet,
  mapSize,
  setSize,
} from './intrinsics';

/** How much of a value is copied at a write: past these, collections are summarised. */
export interface SnapshotBudget {
  /** Items kept per collection; `size` still says how many there were. */
  items: number;
  /** Nesting kept; deeper values become `{ $: 'deep' }`. */
  depth: number;
}

export const DEFAULT_BUDGET: SnapshotBudget = { items: 100, depth: 4 };

/** Past this length a string is recorded as its start and its length, never copied whole. */
export const MAX_STRING = 10_000;
/** What of a long string is kept. */
const STRING_PREFIX = 200;

/** A string the trace can hold: itself, or its first characters and how long it was. */
export function boundedString(s: string): string {
  return s.length <= MAX_STRING ? s : `${s.slice(0, STRING_PREFIX)}… (${s.length} characters)`;
}

// taken once from the intrinsics: a script's subclass may redefine `length` with a getter of its own
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const getter = (o: object, key: string): ((this: unknown) => unknown) =>
  Object.getOwnPropertyDescriptor(o, key)?.get as (this: unknown) => unknown;
const typedLength = getter(TypedArrayPrototype, 'length');
const typedTag = getter(TypedArrayPrototype, Symbol.toStringTag as unknown as string);
const viewByteLength = getter(DataView.prototype, 'byteLength');
const bufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');

/**
 * Binary data as a summary: its type, its length and its first items, read through the intrinsics'
 * own getters. A 100 MB typed array is never enumerated key by key nor copied.
 */
function binarySummary(obj: object, budget: SnapshotBudget): TraceValue | undefined {
  if (ArrayBuffer.isView(obj)) {
    const tag = typedTag.call(obj) as string | undefined;
    if (tag === undefined)
      return { $: 'object', cls: 'DataView', entries: [], size: viewByteLength.call(obj) as number };
    const length = typedLength.call(obj) as number;
    const view = obj as unknown as ArrayLike<number | bigint>;
    const entries: Array<[string, TraceValue]> = [];
    for (let i = 0; i < Math.min(length, budget.items); i++) {
      const x = view[i] as number | bigint;
      entries.push([String(i), typeof x === 'bigint' ? { $: 'bigint', v: x.toString() } : snapshot(x)]);
    }
    return { $: 'object', cls: tag, entries, size: length };
  }
  if (obj instanceof ArrayBuffer)
    return { $: 'object', cls: 'ArrayBuffer', entries: [], size: bufferByteLength.call(obj) as number };
  return undefined;
}

const ownMap = (v: object, key: string): Map<unknown, unknown> | undefined => {
  const d = Object.getOwnPropertyDescriptor(v, key);
  return d && typeof d.value === 'object' && d.value !== null && isMap(d.value as object)
    ? (d.value as Map<unknown, unknown>)
    : undefined;
};

/**
 * A graphology graph, told by its own `_nodes` and `_edges` maps read as data properties: reading
 * `order` of any object that merely looks like a graph could call a getter of the user's.
 */
function graphCounts(v: object): { order: number; size: number } | undefined {
  const nodes = ownMap(v, '_nodes');
  const edges = ownMap(v, '_edges');
  return nodes && edges ? { order: mapSize(nodes), size: mapSize(edges) } : undefined;
}

/**
 * Copies a value into the trace's plain form, so that a later mutation cannot change what an
 * earlier step shows. Cycles become `{ $: 'cycle' }`; getters are not called (they could run user
 * code), and nothing here throws, whatever the value.
 */
export function snapshot(
  value: unknown,
  budget: SnapshotBudget = DEFAULT_BUDGET,
  seen: Set<object> = new Set(),
  depth = 0,
): TraceValue {
  switch (typeof value) {
    case 'string':
      return boundedString(value);
    case 'boolean':
      return value;
    case 'number':
      if (Number.isNaN(value)) return { $: 'number', v: 'NaN' };
      if (value === Infinity) return { $: 'number', v: 'Infinity' };
      if (value === -Infinity) return { $: 'number', v: '-Infinity' };
      if (Object.is(value, -0)) return { $: 'number', v: '-0' };
      return value;
    case 'undefined':
      return { $: 'undefined' };
    case 'bigint':
      return { $: 'bigint', v: value.toString() };
    case 'symbol':
      return { $: 'symbol', v: value.description ?? '' };
    case 'function':
      return { $: 'function', name: functionName(value) };
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) return { $: 'cycle' };
  if (depth >= budget.depth) return { $: 'deep' };
  seen.add(obj);
  try {
    return snapshotObject(obj, budget, seen, depth + 1);
  } catch {
    return { $: 'object', cls: 'Unreadable', entries: [], size: 0 };
  } finally {
    seen.delete(obj);
  }
}

function snapshotObject(obj: object, budget: SnapshotBudget, seen: Set<object>, depth: number): TraceValue {
  const inner = (v: unknown): TraceValue => snapshot(v, budget, seen, depth);
  // T-INT1: a proxy's traps are the script's code; it is shown, never read
  if (isScriptProxy(obj)) return { $: 'object', cls: 'Proxy', entries: [], size: 0 };
  if (Array.isArray(obj)) {
    const n = Math.min(obj.length, budget.items);
    const items: TraceValue[] = new Array<TraceValue>(n);
    for (let i = 0; i < n; i++) items[i] = inner(obj[i]);
    return { $: 'array', items, size: obj.length };
  }
  if (isSet(obj)) {
    const items: TraceValue[] = [];
    eachValue(obj, (v) => items.length < budget.items && void items.push(inner(v)));
    return { $: 'set', items, size: setSize(obj) };
  }
  if (isMap(obj)) {
    const entries: Array<[TraceValue, TraceValue]> = [];
    eachEntry(obj, (k, v) => entries.length < budget.items && void entries.push([inner(k), inner(v)]));
    return { $: 'map', entries, size: mapSize(obj) };
  }
  const graph = graphCounts(obj);
  if (graph) return { $: 'graph', ...graph };
  const binary = binarySummary(obj, budget);
  if (binary) return binary;
  const keys = Object.keys(obj);
  const entries: Array<[string, TraceValue]> = [];
  for (const k of keys) {
    if (entries.length >= budget.items) break;
    const d = Object.getOwnPropertyDescriptor(obj, k);
    entries.push([k, d && 'value' in d ? inner(d.value) : { $: 'function', name: `get ${k}` }]);
  }
  return { $: 'object', cls: className(obj), entries, size: keys.length };
}
