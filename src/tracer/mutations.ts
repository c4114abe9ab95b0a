import { OBJECT_KIND, OP, REF } from '../protocol/trace';
import { CONST, makeRef } from './refs';
import { mapSize, setSize } from './intrinsics';
import { MAX_RESYNC_SIZE, MAX_TRACKED_SIZE, sizeOf, type ValueStore } from './valueStore';

const AP = Array.prototype as unknown as Record<string, unknown>;
const MP = Map.prototype as unknown as Record<string, unknown>;
const SP = Set.prototype as unknown as Record<string, unknown>;

/** Size (length) of a tracked object before a call, to tell whether the call changed it. */
export function sizeBefore(vs: ValueStore, id: number, o: object): number {
  switch (vs.objectKind[id]) {
    case OBJECT_KIND.ARRAY:
      return (o as unknown[]).length;
    case OBJECT_KIND.OBJECT:
      return 0;
    case OBJECT_KIND.MAP:
      return mapSize(o as Map<unknown, unknown>);
    default:
      return setSize(o as Set<unknown>);
  }
}

/**
 * Records what a method call did to a tracked object, from which built-in method it was:
 * `push`, `set`, `add`… become one operation each; `sort`, `splice` and the like re-copy the array.
 * Methods of the user's own classes record nothing here: their own code reports their changes.
 * `n` is how many arguments there were: the first two come in `a` and `b`, all of them in `rest` when there are more than two.
 */
export function afterCall(
  vs: ValueStore,
  id: number,
  o: object,
  fn: unknown,
  before: number,
  result: unknown,
  n: number,
  a?: unknown,
  b?: unknown,
  rest?: ArrayLike<unknown>,
): void {
  const kind = vs.objectKind[id];
  if (kind === OBJECT_KIND.OBJECT) return;
  if (vs.isOpaque(id)) {
    const size = sizeOf(o);
    if (size !== before) vs.op(id, OP.SIZE, makeRef(size, REF.INT), 0);
    return;
  }
  let size: number;
  if (kind === OBJECT_KIND.ARRAY) {
    const arr = o as unknown[];
    if (fn === AP.push) {
      if (rest) for (let i = 0; i < rest.length; i++) vs.op(id, OP.PUSH, 0, vs.ref(rest[i]));
      else {
        if (n > 0) vs.op(id, OP.PUSH, 0, vs.ref(a));
        if (n > 1) vs.op(id, OP.PUSH, 0, vs.ref(b));
      }
    } else if (fn === AP.pop) {
      if (before > 0) vs.op(id, OP.POP, 0, 0);
    } else if (fn === AP.shift) {
      if (before > 0) vs.op(id, OP.SHIFT, 0, 0);
    } else if (fn === AP.unshift) {
      const args = rest ?? (n === 0 ? [] : n === 1 ? [a] : [a, b]);
      for (let i = args.length - 1; i >= 0; i--) vs.op(id, OP.UNSHIFT, 0, vs.ref(args[i]));
    } else if (fn === AP.splice || fn === AP.sort || fn === AP.reverse || fn === AP.fill || fn === AP.copyWithin) {
      resync(vs, id, arr, before);
    }
    size = arr.length;
  } else if (kind === OBJECT_KIND.MAP) {
    const k = rest ? rest[0] : a;
    if (fn === MP.set) vs.op(id, OP.SET, vs.ref(k), vs.ref(rest ? rest[1] : b));
    else if (fn === MP.delete && result === true) vs.op(id, OP.DELETE, vs.ref(k), 0);
    else if (fn === MP.clear && before > 0) vs.op(id, OP.CLEAR, makeRef(before, REF.INT), 0);
    size = mapSize(o as Map<unknown, unknown>);
  } else {
    const v = rest ? rest[0] : a;
    size = setSize(o as Set<unknown>);
    if (fn === SP.add && size !== before) vs.op(id, OP.ADD, vs.ref(v), 0);
    else if (fn === SP.delete && result === true) vs.op(id, OP.DELETE, vs.ref(v), 0);
    else if (fn === SP.clear && before > 0) vs.op(id, OP.CLEAR, makeRef(before, REF.INT), 0);
  }
  if (size > MAX_TRACKED_SIZE) vs.markOpaque(id, size);
}

/** Records the whole content again, after a change that is not worth describing item by item. */
export function resync(vs: ValueStore, id: number, o: object, before: number): void {
  const size = sizeOf(o);
  // re-copying a big collection at each sort would copy it at every change: past the limit, keep its size
  if (size > MAX_RESYNC_SIZE) {
    vs.markOpaque(id, size);
    return;
  }
  vs.op(id, OP.CLEAR, makeRef(before, REF.INT), 0);
  vs.copyContent(o);
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** Records `o[key] = value` on a tracked object (called after the assignment). */
export function afterPut(vs: ValueStore, id: number, o: object, key: unknown): void {
  if (vs.isOpaque(id)) return;
  const kind = vs.objectKind[id];
  if (kind === OBJECT_KIND.ARRAY) {
    const arr = o as unknown[];
    if (key === 'length') vs.op(id, OP.LENGTH, vs.ref(arr.length), 0);
    else if (isIndex(key)) vs.op(id, OP.SET, vs.ref(Number(key)), vs.ref(arr[Number(key)]));
  } else if (kind === OBJECT_KIND.OBJECT) {
    if (typeof key !== 'string' && typeof key !== 'number') return;
    const name = String(key);
    if (!Object.prototype.hasOwnProperty.call(o, name)) return;
    vs.op(id, OP.SET, vs.string(name) * 8 + REF.STRING, vs.propertyRef(o, name));
    const size = sizeOf(o);
    if (size > MAX_TRACKED_SIZE) vs.markOpaque(id, size);
  }
}

/** Records `delete o[key]` on a tracked object. */
export function afterDelete(vs: ValueStore, id: number, o: object, key: unknown): void {
  if (vs.isOpaque(id)) return;
  const kind = vs.objectKind[id];
  if (kind === OBJECT_KIND.ARRAY && isIndex(key)) vs.op(id, OP.SET, vs.ref(Number(key)), CONST.UNDEFINED);
  else if (kind === OBJECT_KIND.OBJECT && (typeof key === 'string' || typeof key === 'number')) {
    vs.op(id, OP.DELETE, vs.string(String(key)) * 8 + REF.STRING, 0);
  }
  void o;
}

function isIndex(key: unknown): boolean {
  if (typeof key === 'number') return Number.isInteger(key) && key >= 0 && key < 4294967295;
  return typeof key === 'string' && INDEX.test(key) && Number(key) < 4294967295;
}
