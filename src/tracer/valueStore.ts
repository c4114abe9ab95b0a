import type { TraceValue } from '../protocol/trace';
import { OBJECT_KIND, OP, REF } from '../protocol/trace';
import { grow } from './columns';
import { CONST, MAX_INLINE_INT, makeRef } from './refs';
import { boundedString, snapshot } from './values';
import { className, eachEntry, eachValue, isMap, isScriptProxy, isSet, mapSize, setSize, tagOf } from './intrinsics';

/** Past this many entries a collection is not followed item by item any more: only its size is kept. */
export const MAX_TRACKED_SIZE = 100_000;
/** Past this many entries a collection changed wholesale (`sort`, `splice`…) is not copied again: only its size is kept. */
export const MAX_RESYNC_SIZE = 10_000;

const isGraph = (o: object): boolean => {
  const d = Object.getOwnPropertyDescriptor(o, '_nodes');
  return (
    d !== undefined &&
    typeof d.value === 'object' &&
    d.value !== null &&
    isMap(d.value as object) &&
    Object.getOwnPropertyDescriptor(o, '_edges') !== undefined
  );
};

/** Which objects are followed op by op: arrays, maps, sets and plain or class objects. */
function kindOf(o: object): number {
  if (isScriptProxy(o)) return -1;
  if (Array.isArray(o)) return OBJECT_KIND.ARRAY;
  if (isMap(o)) return OBJECT_KIND.MAP;
  if (isSet(o)) return OBJECT_KIND.SET;
  const tag = tagOf(o);
  if (tag !== '[object Object]' || isGraph(o)) return -1;
  return OBJECT_KIND.OBJECT;
}

/**
 * Turns values into refs (strings interned, numbers pooled, objects tracked by identity) and
 * records what happens inside tracked objects as operations. An object's content is copied once,
 * when it is first seen; after that only its changes are recorded.
 */
export class ValueStore {
  readonly strings: string[] = [];
  /** UTF-16 code units of all strings interned, for the trace's memory budget. */
  stringChars = 0;
  private readonly stringIds = new Map<string, number>();
  private lastString = '';
  private lastStringId = -1;
  numbers = new Float64Array(1024);
  numberCount = 0;
  readonly others: TraceValue[] = [];
  private readonly ids = new WeakMap<object, number>();
  objectCount = 0;
  objectKind = new Uint8Array(64);
  objectClass = new Uint32Array(64);
  /** Per object: true once it is too big to follow. */
  private opaque = new Uint8Array(64);
  opCount = 0;
  opStep = new Uint32Array(16384);
  opObject = new Uint32Array(16384);
  opCode = new Uint8Array(16384);
  opA = new Uint32Array(16384);
  opB = new Uint32Array(16384);
  private pending: object[] = [];

  /** @param clock what counts the steps (the recorder): operations are stamped with its last step */
  constructor(private readonly clock: { readonly stepCount: number }) {}

  /** The ref of any value; objects seen for the first time are tracked (their content recorded). */
  ref(v: unknown): number {
    switch (typeof v) {
      case 'number':
        if (v >= 0 && v <= MAX_INLINE_INT && (v | 0) === v && (v !== 0 || 1 / v > 0)) return v * 8 + REF.INT;
        return this.number(v);
      case 'string':
        return this.string(v) * 8 + REF.STRING;
      case 'boolean':
        return v ? CONST.TRUE : CONST.FALSE;
      case 'undefined':
        return CONST.UNDEFINED;
      case 'object':
        if (v === null) return CONST.NULL;
        return this.object(v);
      default:
        return this.other(snapshot(v));
    }
  }

  /** The id of an interned string (a very long one is kept as its start and its length). */
  string(text: string): number {
    const s = boundedString(text);
    // the string just recorded often comes right back (`next` is written, then `dist.set(next, …)`)
    if (s === this.lastString && this.lastStringId >= 0) return this.lastStringId;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
      this.stringChars += s.length;
    }
    this.lastString = s;
    this.lastStringId = id;
    return id;
  }

  private number(v: number): number {
    if (Number.isNaN(v)) return CONST.NAN;
    if (v === Infinity) return CONST.INFINITY;
    if (v === -Infinity) return CONST.MINUS_INFINITY;
    if (v === 0) return CONST.MINUS_ZERO;
    const n = this.numberCount++;
    if (n === this.numbers.length) this.numbers = grow(this.numbers, n + 1);
    this.numbers[n] = v;
    return makeRef(n, REF.NUMBER);
  }

  private other(v: TraceValue): number {
    this.others.push(v);
    return makeRef(this.others.length - 1, REF.OTHER);
  }

  /** The tracked id of `o`, or -1 when it is not tracked. */
  idOf(o: unknown): number {
    if (typeof o !== 'object' || o === null) return -1;
    return this.ids.get(o) ?? -1;
  }

  private object(o: object): number {
    const known = this.ids.get(o);
    if (known !== undefined) return makeRef(known, REF.OBJECT);
    const kind = kindOf(o);
    if (kind < 0) return this.other(snapshot(o));
    const id = this.objectCount++;
    if (id === this.objectKind.length) {
      this.objectKind = grow(this.objectKind, id + 1);
      this.objectClass = grow(this.objectClass, id + 1);
      this.opaque = grow(this.opaque, id + 1);
    }
    this.ids.set(o, id);
    this.objectKind[id] = kind;
    this.objectClass[id] = this.string(className(o));
    // content is copied iteratively: a long linked list must not overflow the stack
    const first = this.pending.length === 0;
    this.pending.push(o);
    if (first) this.drain();
    return makeRef(id, REF.OBJECT);
  }

  private drain(): void {
    while (this.pending.length > 0) this.copyContent(this.pending.pop() as object);
  }

  /** Records an object's whole content as operations from empty. */
  copyContent(o: object): void {
    const id = this.ids.get(o) as number;
    const size = sizeOf(o);
    if (size > MAX_TRACKED_SIZE) {
      this.opaque[id] = 1;
      this.op(id, OP.SIZE, makeRef(size, REF.INT), 0);
      return;
    }
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) this.op(id, OP.PUSH, 0, this.ref(o[i]));
    } else if (this.objectKind[id] === OBJECT_KIND.MAP) {
      eachEntry(o as Map<unknown, unknown>, (k, v) => this.op(id, OP.SET, this.ref(k), this.ref(v)));
    } else if (this.objectKind[id] === OBJECT_KIND.SET) {
      eachValue(o as Set<unknown>, (v) => this.op(id, OP.ADD, this.ref(v), 0));
    } else {
      for (const key of Object.keys(o))
        this.op(id, OP.SET, this.string(key) * 8 + REF.STRING, this.propertyRef(o, key));
    }
  }

  /** A property's value, without calling a getter (it could run user code). */
  propertyRef(o: object, key: string): number {
    const d = Object.getOwnPropertyDescriptor(o, key);
    return d && 'value' in d ? this.ref(d.value) : this.other({ $: 'function', name: `get ${key}` });
  }

  /** Appends an operation on the current step. */
  op(object: number, code: number, a: number, b: number): void {
    const n = this.opCount++;
    if (n === this.opStep.length) {
      this.opStep = grow(this.opStep, n + 1);
      this.opObject = grow(this.opObject, n + 1);
      this.opCode = grow(this.opCode, n + 1);
      this.opA = grow(this.opA, n + 1);
      this.opB = grow(this.opB, n + 1);
    }
    const steps = this.clock.stepCount;
    this.opStep[n] = steps > 0 ? steps - 1 : 0;
    this.opObject[n] = object;
    this.opCode[n] = code;
    this.opA[n] = a;
    this.opB[n] = b;
  }

  /** True when the object is followed only by its size. */
  isOpaque(id: number): boolean {
    return this.opaque[id] === 1;
  }

  /** Marks an object too big to follow, recording its size. */
  markOpaque(id: number, size: number): void {
    this.opaque[id] = 1;
    this.op(id, OP.SIZE, makeRef(size, REF.INT), 0);
  }
}

/** Number of entries of a trackable object. */
export function sizeOf(o: object): number {
  if (Array.isArray(o)) return o.length;
  if (isMap(o)) return mapSize(o);
  if (isSet(o)) return setSize(o);
  return Object.keys(o).length;
}
