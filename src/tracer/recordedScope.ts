import type { TraceValue } from '../protocol/trace';
import { OBJECT_KIND, REF } from '../protocol/trace';
import type { ConditionScope, CValue, RecordedCollection } from './condition';
import type { ObjectState } from './objectState';
import type { TraceReader } from './reader';
import { payloadOf, tagOf } from './refs';

const CONSTANTS: CValue[] = [undefined, null, false, true, NaN, Infinity, -Infinity, -0];
const KINDS = { [OBJECT_KIND.ARRAY]: 'array', [OBJECT_KIND.MAP]: 'map', [OBJECT_KIND.SET]: 'set' } as const;

/**
 * The names a breakpoint condition can use at step `i`: the variables in scope there (the step's
 * frame first, then its module's top level), as the trace recorded them. Collections are rebuilt
 * from their nearest snapshot only when the condition looks into them, once per evaluation.
 */
export function scopeAt(reader: TraceReader, i: number): ConditionScope {
  const tr = reader.trace;
  const states = new Map<number, ObjectState>();
  const stateOf = (id: number): ObjectState => {
    let s = states.get(id);
    if (!s) states.set(id, (s = reader.objects.at(id, i)));
    return s;
  };
  const value = (ref: number | undefined): CValue => {
    if (ref === undefined) return undefined;
    const p = payloadOf(ref);
    switch (tagOf(ref)) {
      case REF.CONST:
        return CONSTANTS[p];
      case REF.INT:
        return p;
      case REF.NUMBER:
        return tr.numbers[p];
      case REF.STRING:
        return tr.strings[p] ?? '';
      case REF.OTHER:
        return { kind: 'opaque', what: describeOther(tr.others[p]) };
    }
    return collection(p);
  };
  const collection = (id: number): CValue => {
    const state = stateOf(id);
    if (state.opaqueSize !== undefined) return { kind: 'opaque', what: 'a collection too big to follow' };
    const code = tr.objectKind[id] as number;
    const kind = code in KINDS ? KINDS[code as 0 | 1 | 2] : 'object';
    const c: RecordedCollection = {
      kind,
      id,
      size: kind === 'array' ? state.items.length : state.entries.size,
      item: (n) => value(state.items[n]),
      *pairs() {
        for (const [k, v] of state.entries.values()) {
          if (kind === 'object') yield [tr.strings[payloadOf(k)] ?? '', value(v)] as const;
          else if (kind === 'set') yield [value(k), value(k)] as const;
          else yield [value(k), value(v)] as const;
        }
      },
    };
    return c;
  };
  let visible: Map<string, number> | undefined;
  return (name) => {
    if (!visible) {
      // the innermost variable of a name wins: locals come before the module's top level
      visible = new Map();
      for (const v of reader.visible(i)) if (!visible.has(v.name)) visible.set(v.name, v.ref);
    }
    const ref = visible.get(name);
    return ref === undefined ? undefined : { value: value(ref) };
  };
}

function describeOther(v: TraceValue | undefined): string {
  if (v && typeof v === 'object' && '$' in v) {
    if (v.$ === 'function') return 'a function';
    if (v.$ === 'graph') return 'the graph';
    if (v.$ === 'bigint') return 'a bigint';
    if (v.$ === 'symbol') return 'a symbol';
  }
  return 'a value that was not recorded';
}
