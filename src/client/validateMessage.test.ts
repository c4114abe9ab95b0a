import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress, RunResponse } from '../protocol/run';
import type { TraceChunk } from '../protocol/trace';
import { nodeEngine, request } from '../../test/engine';
import { CALL_RESULTS, validateSandboxMessage } from './validateMessage';

// fast-check builds its random objects by assignment, which the locked-down realm these tests share
// with the engine refuses for names `Object.prototype` holds (`valueOf`, `constructor`): other keys
const key = fc.string().filter((k) => !(k in Object.prototype));

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

let response: RunResponse;
let failed: RunResponse;
let chunks: TraceChunk[];

beforeAll(async () => {
  const engine = nodeEngine();
  response = await engine.run(
    request(
      `const dist = new Map<string, number>();\nconst seen = ['A'];\nfor (const n of graph.nodes()) { dist.set(n, 1); seen.push(n); }\nconsole.log(seen.length);\ngraph.setNodeAttribute('A', 'x', 1);\nexport default { dist, seen };`,
    ),
  );
  failed = await engine.run(request(`let a = 1;\nconst n = (null as any).length;`));
  const got: RunProgress[] = [];
  await engine.run(request(`const t = Date.now();\nlet i = 0;\nwhile (i < 400000) { i++; }\nexport default i;`), {
    onProgress: (p) => got.push(p),
    streamTrace: true,
  });
  chunks = got.flatMap((p) => (p.chunk ? [p.chunk] : []));
});

/** A deep copy that keeps typed arrays (as structured clone does). */
const clone = <T>(v: T): T => structuredClone(v);

const accepts = (m: unknown): boolean => validateSandboxMessage(m).ok;
const why = (m: unknown): string => {
  const r = validateSandboxMessage(m);
  return r.ok ? 'accepted' : r.error;
};

describe('validateSandboxMessage', () => {
  it('accepts what the engine really sends: responses, failed runs, chunks, progress', () => {
    expect(why({ type: 'run/done', id: ID, response })).toBe('accepted');
    expect(why({ type: 'run/done', id: ID, response: failed })).toBe('accepted');
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks)
      expect(why({ type: 'run/progress', id: ID, steps: 3, elapsedMs: 1.5, chunk })).toBe('accepted');
    expect(why({ type: 'run/progress', id: ID, steps: 3, elapsedMs: 1.5 })).toBe('accepted');
    expect(why({ type: 'sandbox/ready', isolated: true })).toBe('accepted');
    expect(
      why({ type: 'net/request', run: ID, id: 'net-1', request: { url: 'https://a.example/', headers: { a: 'b' } } }),
    ).toBe('accepted');
    expect(why({ type: 'call/response', id: ID, ok: true, value: 'pong' })).toBe('accepted');
    expect(why({ type: 'call/response', id: ID, ok: false, error: { code: 'X', name: 'Error', message: 'm' } })).toBe(
      'accepted',
    );
  });

  it('refuses anything that is not a plain object with a known tag', () => {
    for (const m of [
      undefined,
      null,
      3,
      'run/done',
      [],
      new Map(),
      new Date(0),
      { type: 'run/explode' },
      { type: 'worker/ready' },
    ])
      expect(accepts(m)).toBe(false);
  });

  it('refuses an envelope with a key too many, or one missing', () => {
    expect(why({ type: 'sandbox/ready', isolated: true, extra: 1 })).toContain('extra is not expected');
    expect(why({ type: 'run/done', response })).toContain('id is missing');
    expect(accepts({ type: 'run/done', id: '', response })).toBe(false);
    expect(accepts({ type: 'run/done', id: 'x'.repeat(65), response })).toBe(false);
  });

  it('refuses columns of the wrong kind, of unequal lengths, or counts past them', () => {
    const bad = (mutate: (r: RunResponse) => void): string => {
      const r = clone(response);
      mutate(r);
      return why({ type: 'run/done', id: ID, response: r });
    };
    expect(bad((r) => ((r.trace as unknown as Record<string, unknown>).stepStatement = new Float64Array(3)))).toContain(
      'stepStatement',
    );
    expect(
      bad((r) => ((r.trace as unknown as Record<string, unknown>).writeSlot = Array.from(r.trace.writeSlot))),
    ).toContain('writeSlot');
    expect(bad((r) => (r.trace.writeFrame = new Uint32Array(r.trace.writeFrame.length + 1)))).toContain(
      'another length',
    );
    expect(bad((r) => (r.trace.stepCount = r.trace.stepStatement.length + 1))).toContain('stepCount');
    expect(bad((r) => (r.trace.stepStatement[0] = r.trace.statements.length))).toContain('out of range');
    expect(bad((r) => (r.trace.writeSlot[0] = 99999))).toContain('out of range');
    expect(bad((r) => ((r.trace as unknown as Record<string, unknown>).version = 99))).toContain('version');
    expect(bad((r) => (r.trace.output = [{ step: 0, stream: 'stdin' as 'stdout', text: 'x' }]))).toContain('output');
  });

  it('refuses shown values that are not values, and ones nested past the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { $: 'array', items: [deep], size: 1 };
    const r = clone(response);
    r.result = deep as never;
    expect(why({ type: 'run/done', id: ID, response: r })).toContain('nests too deeply');
    r.result = { $: 'function', name: 5 } as never;
    expect(accepts({ type: 'run/done', id: ID, response: r })).toBe(false);
    r.result = { $: 'eval', v: 'x' } as never;
    expect(accepts({ type: 'run/done', id: ID, response: r })).toBe(false);
  });

  it('refuses a failed run without its error, and errors of unknown kinds', () => {
    const r = clone(failed);
    delete r.error;
    expect(why({ type: 'run/done', id: ID, response: r })).toContain('error is missing');
    const k = clone(failed);
    (k.error as { kind: string }).kind = 'finished';
    expect(accepts({ type: 'run/done', id: ID, response: k })).toBe(false);
  });

  it('refuses network requests of the wrong shape or size', () => {
    const net = (request: unknown): boolean => accepts({ type: 'net/request', run: ID, id: 'n', request });
    expect(net({ url: 'https://a.example/' })).toBe(true);
    expect(net({ url: 42 })).toBe(false);
    expect(net({ url: 'https://a.example/', headers: { a: 1 } })).toBe(false);
    expect(net({ url: 'https://a.example/', body: 'x'.repeat(1024 * 1024 + 1) })).toBe(false);
    expect(net({ url: 'https://a.example/' + 'x'.repeat(9000) })).toBe(false);
    expect(net({ url: 'https://a.example/', credentials: 'include' })).toBe(false);
  });

  it("[K-CTL5] takes the relay watchdog's report only in its exact shape", () => {
    const killed = { type: 'run/killed', id: ID, reason: 'time-limit', overrunMs: 1004 };
    expect(accepts(killed)).toBe(true);
    expect(accepts({ ...killed, reason: 'stop' })).toBe(true);
    expect(accepts({ ...killed, reason: 'limit' })).toBe(false);
    expect(accepts({ ...killed, overrunMs: -1 })).toBe(false);
    expect(accepts({ ...killed, overrunMs: Infinity })).toBe(false);
    expect(accepts({ ...killed, extra: 1 })).toBe(false);
    const { overrunMs: _, ...missing } = killed;
    expect(accepts(missing)).toBe(false);
  });

  it('checks call answers per method', () => {
    expect(CALL_RESULTS.ping('pong')).toBe(true);
    expect(CALL_RESULTS.ping('ping')).toBe(false);
    expect(CALL_RESULTS.inspect({ network: ['https://a.example/...'] })).toBe(true);
    expect(CALL_RESULTS.inspect({ network: [1] })).toBe(false);
    expect(CALL_RESULTS.inspect({ network: [], more: 1 })).toBe(false);
  });

  it('never throws and accepts no random value (fuzzed)', () => {
    fc.assert(
      fc.property(fc.anything({ key, withTypedArray: true, withMap: true, withSet: true, withDate: true }), (v) => {
        const r = validateSandboxMessage(v);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on messages with a known tag and random fields (fuzzed)', () => {
    const tags = [
      'sandbox/ready',
      'sandbox/failed',
      'run/killed',
      'run/progress',
      'run/done',
      'run/failed',
      'net/request',
      'call/response',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...tags),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'reason',
            'overrunMs',
            'run',
            'steps',
            'elapsedMs',
            'chunk',
            'response',
            'request',
            'ok',
            'value',
            'error',
            'isolated',
            'message',
          ),
          fc.anything({ key, withTypedArray: true }),
        ),
        (type, fields) => {
          validateSandboxMessage({ ...fields, type });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a real response with one field replaced by a random value of another type (fuzzed)', () => {
    // every field the page reads, by path; a value of another type there must be refused
    const paths: Array<[string[], (v: unknown) => boolean]> = [
      [['ok'], (v) => typeof v === 'boolean'],
      [['trace', 'stepStatement'], (v) => v instanceof Uint16Array || v instanceof Uint32Array],
      [['trace', 'writeValue'], (v) => v instanceof Uint32Array],
      [['trace', 'numbers'], (v) => v instanceof Float64Array],
      [['trace', 'opCode'], (v) => v instanceof Uint8Array],
      [['trace', 'strings'], (v) => Array.isArray(v) && v.every((s) => typeof s === 'string')],
      [['trace', 'statements'], (v) => Array.isArray(v) && v.length === 0],
      [['trace', 'frames'], () => false],
      [['stats'], () => false],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.anything({ key, withTypedArray: true, withMap: true }),
        ([path, fits], v) => {
          fc.pre(!fits(v));
          const r = clone(response) as unknown as Record<string, unknown>;
          let at = r;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
          at[path[path.length - 1] as string] = v;
          expect(accepts({ type: 'run/done', id: ID, response: r })).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a real chunk whose columns are swapped for other typed arrays (fuzzed)', () => {
    const columns = ['stepStatement', 'runStep', 'writeSlot', 'objectKind', 'opCode', 'numbers'] as const;
    const kinds = [Int8Array, Int16Array, Int32Array, Float32Array, Uint8ClampedArray, BigInt64Array];
    fc.assert(
      fc.property(fc.constantFrom(...columns), fc.constantFrom(...kinds), fc.nat(20), (column, Kind, n) => {
        const chunk = clone(chunks[0] as TraceChunk) as unknown as Record<string, unknown>;
        chunk[column] = new Kind(n);
        expect(accepts({ type: 'run/progress', id: ID, steps: 1, elapsedMs: 1, chunk })).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
