/**
 * Checks a trace, a trace chunk and the values in them, as they come out of the sandbox: typed
 * arrays of the right kinds, columns of equal lengths, counts within the columns and indices within
 * their tables, so that the reader and the view never index past what they were given. Fields the
 * page does not read are not looked at; a reader of a new field adds its check here.
 */
import { TRACE_VERSION, type Trace, type TraceChunk } from '../protocol/trace';
import { below, eachOf, first, isInt, isList, isRecord, isText, MAX_DEPTH, typed, type Problem } from './checkShape';

const U8 = [Uint8Array];
const U16 = [Uint16Array];
const U32 = [Uint32Array];
const STEP_STATEMENT = [Uint16Array, Uint32Array];
const F64 = [Float64Array];

const CONSTANT_NUMBERS = ['NaN', 'Infinity', '-Infinity', '-0'];
const ERROR_KINDS = ['init', 'prep', 'runner', 'limit', 'memory', 'stopped', 'internal'];

/** A shown value (`TraceValue`), nested at most {@link MAX_DEPTH} deep. */
export function checkValue(v: unknown, path: string, depth = 0): Problem {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return undefined;
  if (typeof v === 'string') return isText(v) ? undefined : `${path} is too long`;
  if (!isRecord(v)) return `${path} is not a value`;
  if (depth > MAX_DEPTH) return `${path} nests too deeply`;
  const inner = (x: unknown, at: string): Problem => checkValue(x, at, depth + 1);
  const size = (): Problem => (isInt(v.size) ? undefined : `${path}.size must be a count`);
  switch (v.$) {
    case 'undefined':
    case 'cycle':
    case 'deep':
      return undefined;
    case 'number':
      return CONSTANT_NUMBERS.includes(v.v as string) ? undefined : `${path}.v is not a number constant`;
    case 'bigint':
    case 'symbol':
      return isText(v.v) ? undefined : `${path}.v must be a string`;
    case 'function':
      return isText(v.name) ? undefined : `${path}.name must be a string`;
    case 'array':
    case 'set':
      return first(size, () => eachOf(`${path}.items`, v.items, inner));
    case 'map':
      return first(size, () =>
        eachOf(`${path}.entries`, v.entries, (e, at) =>
          isList(e) && e.length === 2
            ? first(
                () => inner(e[0], `${at}[0]`),
                () => inner(e[1], `${at}[1]`),
              )
            : `${at} must be a pair`,
        ),
      );
    case 'object':
      return first(
        size,
        () => (isText(v.cls) ? undefined : `${path}.cls must be a string`),
        () =>
          eachOf(`${path}.entries`, v.entries, (e, at) =>
            isList(e) && e.length === 2 && isText(e[0])
              ? inner(e[1], `${at}[1]`)
              : `${at} must be a [name, value] pair`,
          ),
      );
    case 'graph':
      return isInt(v.order) && isInt(v.size) ? undefined : `${path} must give order and size`;
    default:
      return `${path} has an unknown tag`;
  }
}

/** Where-fields of a statement or slot. */
const position = (v: unknown, at: string, files: number): Problem =>
  isRecord(v) && isInt(v.file, 0, files - 1) && isInt(v.line) ? undefined : `${at} must have a file and a line`;

/** The tables every chunk repeats and a trace holds: files, names, statements, slots. */
function checkTables(t: Record<string, unknown>, path: string): Problem {
  const files = isList(t.files) ? t.files.length : 0;
  return first(
    () => eachOf(`${path}.files`, t.files, (f, at) => (isText(f) ? undefined : `${at} must be a string`)),
    () => eachOf(`${path}.names`, t.names, (f, at) => (isText(f) ? undefined : `${at} must be a string`)),
    () =>
      eachOf(
        `${path}.statements`,
        t.statements,
        (s, at) =>
          position(s, at, files) ??
          (isInt((s as Record<string, unknown>).column) ? undefined : `${at}.column must be a number`),
      ),
    () =>
      eachOf(
        `${path}.slots`,
        t.slots,
        (s, at) =>
          position(s, at, files) ??
          (isText((s as Record<string, unknown>).name) ? undefined : `${at}.name must be a string`),
      ),
  );
}

/** The columns a trace and a chunk share, with their kinds and which must have equal lengths. */
function checkColumns(t: Record<string, unknown>, path: string): Problem {
  const frames = t.frames;
  const same = (names: string[], obj: Record<string, unknown>, at: string): Problem => {
    const n = (obj[names[0] as string] as { length: number }).length;
    for (const k of names)
      if ((obj[k] as { length: number }).length !== n) return `${at}.${k} has another length than ${names[0]}`;
    return undefined;
  };
  return first(
    () => typed(`${path}.stepStatement`, t.stepStatement, STEP_STATEMENT),
    ...[
      'runStep',
      'runFrame',
      'writeStep',
      'writeSlot',
      'writeFrame',
      'writeValue',
      'objectClass',
      'opStep',
      'opObject',
      'opA',
      'opB',
    ].map((k) => () => typed(`${path}.${k}`, t[k], U32)),
    () => typed(`${path}.objectKind`, t.objectKind, U8),
    () => typed(`${path}.opCode`, t.opCode, U8),
    () => typed(`${path}.numbers`, t.numbers, F64),
    () => (isRecord(frames) ? undefined : `${path}.frames must be an object`),
    () => typed(`${path}.frames.depth`, (frames as Record<string, unknown>).depth, U16),
    () => typed(`${path}.frames.name`, (frames as Record<string, unknown>).name, U32),
    () => typed(`${path}.frames.module`, (frames as Record<string, unknown>).module, U16),
    () => same(['depth', 'name', 'module'], frames as Record<string, unknown>, `${path}.frames`),
    () => same(['runStep', 'runFrame'], t, path),
    () => same(['writeStep', 'writeSlot', 'writeFrame', 'writeValue'], t, path),
    () => same(['objectKind', 'objectClass'], t, path),
    () => same(['opStep', 'opObject', 'opCode', 'opA', 'opB'], t, path),
    () =>
      eachOf(`${path}.strings`, t.strings, (s, at) => (isText(s) ? undefined : `${at} must be a string`), 50_000_000),
    () => eachOf(`${path}.others`, t.others, (v, at) => checkValue(v, at)),
    () =>
      eachOf(`${path}.output`, t.output, (o, at) =>
        isRecord(o) && isInt(o.step) && (o.stream === 'stdout' || o.stream === 'stderr') && isText(o.text)
          ? undefined
          : `${at} must be a printed line`,
      ),
    () =>
      eachOf(`${path}.graphOps`, t.graphOps, (o, at) =>
        isRecord(o) && isInt(o.step) && isText(o.kind, 200)
          ? eachOf(`${at}.args`, o.args, (v, a) => checkValue(v, a))
          : `${at} must be a graph operation`,
      ),
    () =>
      eachOf(`${path}.modules`, t.modules, (m, at) =>
        isRecord(m) && isText(m.file) && isInt(m.parent, -1) ? undefined : `${at} must be a module`,
      ),
  );
}

/** A run's failure (`TraceError`). */
export function checkTraceError(e: unknown, path: string): Problem {
  if (!isRecord(e)) return `${path} must be an object`;
  if (!ERROR_KINDS.includes(e.kind as string)) return `${path}.kind is unknown`;
  if (!isText(e.code, 200) || !isText(e.name, 200) || !isText(e.message))
    return `${path} must have code, name and message`;
  if (!isInt(e.step, -1)) return `${path}.step must be a step or -1`;
  for (const k of ['line', 'column'] as const) if (k in e && !isInt(e[k])) return `${path}.${k} must be a number`;
  if ('file' in e && !isText(e.file)) return `${path}.file must be a string`;
  return undefined;
}

/** A whole trace (`Trace`): counts within columns, indices within tables. */
export function checkTrace(v: unknown, path = 'trace'): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  if (v.version !== TRACE_VERSION) return `${path}.version must be ${TRACE_VERSION}`;
  const problem = checkTables(v, path) ?? checkColumns(v, path);
  if (problem) return problem;
  const t = v as unknown as Trace;
  const count = (name: string, n: unknown, column: { length: number }): Problem =>
    isInt(n, 0, column.length) ? undefined : `${path}.${name} must be a count within its columns`;
  return first(
    () => count('stepCount', t.stepCount, t.stepStatement),
    () => count('runCount', t.runCount, t.runStep),
    () => count('writeCount', t.writeCount, t.writeStep),
    () => count('objectCount', t.objectCount, t.objectKind),
    () => count('opCount', t.opCount, t.opStep),
    () => below(`${path}.stepStatement`, t.stepStatement.subarray(0, t.stepCount), t.statements.length),
    () => below(`${path}.runFrame`, t.runFrame.subarray(0, t.runCount), t.frames.depth.length),
    () => below(`${path}.writeSlot`, t.writeSlot.subarray(0, t.writeCount), t.slots.length),
    () => below(`${path}.writeFrame`, t.writeFrame.subarray(0, t.writeCount), t.frames.depth.length),
    () => below(`${path}.opObject`, t.opObject.subarray(0, t.opCount), t.objectCount),
    () => below(`${path}.frames.name`, t.frames.name, t.names.length),
    () => below(`${path}.frames.module`, t.frames.module, Math.max(t.modules.length, 1)),
    () => (t.error === undefined ? undefined : checkTraceError(t.error, `${path}.error`)),
  );
}

/** A trace chunk (`TraceChunk`): the part of a trace recorded since the previous one. */
export function checkChunk(v: unknown, path = 'chunk'): Problem {
  if (!isRecord(v)) return `${path} must be an object`;
  if (v.version !== TRACE_VERSION) return `${path}.version must be ${TRACE_VERSION}`;
  if (!isInt(v.index)) return `${path}.index must be a count`;
  if (!isRecord(v.tables)) return `${path}.tables must be an object`;
  const problem = checkTables(v.tables, `${path}.tables`) ?? checkColumns(v, path);
  if (problem) return problem;
  const c = v as unknown as TraceChunk;
  return first(
    () => below(`${path}.stepStatement`, c.stepStatement, c.tables.statements.length),
    () => below(`${path}.writeSlot`, c.writeSlot, c.tables.slots.length),
    () => below(`${path}.frames.name`, c.frames.name, c.tables.names.length),
  );
}
