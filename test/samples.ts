import Graph from 'graphology';
import { afterAll, expect } from 'vitest';
import type { GraphologyJson } from '../src/protocol/graph';
import type { RunResponse } from '../src/protocol/run';
import type { TraceValue } from '../src/protocol/trace';
import { graphById, type SampleAlgorithm } from '../src/samples';
import { nodeEngine, request } from './engine';

/**
 * A recorded value back as plain JavaScript (arrays, Sets, Maps, objects). Throws on anything a
 * comparison would get wrong: a collection cut short by the snapshot budget, a cycle, a function.
 */
export function plain(value: TraceValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  const full = (got: number, size: number): void => {
    if (got !== size) throw new Error(`result truncated: ${got} of ${size} items recorded`);
  };
  switch (value.$) {
    case 'undefined':
      return undefined;
    case 'number':
      return value.v === 'NaN' ? NaN : value.v === '-0' ? -0 : value.v === 'Infinity' ? Infinity : -Infinity;
    case 'array':
      full(value.items.length, value.size);
      return value.items.map(plain);
    case 'set':
      full(value.items.length, value.size);
      return new Set(value.items.map(plain));
    case 'map':
      full(value.entries.length, value.size);
      return new Map(value.entries.map(([k, v]) => [plain(k), plain(v)]));
    case 'object':
      full(value.entries.length, value.size);
      return Object.fromEntries(value.entries.map(([k, v]) => [k, plain(v)]));
    default:
      throw new Error(`result holds a value that cannot be compared: ${JSON.stringify(value)}`);
  }
}

/** The script with its top-level `const name = …;` set to `value`: the same sample, another start. */
export function withConst(code: string, consts: Record<string, string>): string {
  let out = code;
  for (const [name, value] of Object.entries(consts)) {
    const line = new RegExp(`^const ${name} = .*;$`, 'm');
    if (!line.test(out)) throw new Error(`no top-level "const ${name} = …;" in the script`);
    out = out.replace(line, `const ${name} = ${JSON.stringify(value)};`);
  }
  return out;
}

/** The sample's own graph, as JSON. */
export function sampleGraph(sample: SampleAlgorithm): GraphologyJson {
  const g = graphById(sample.graph);
  if (!g) throw new Error(`no sample graph "${sample.graph}"`);
  return g.data;
}

/** A graphology graph from JSON, for the reference implementations. */
export const toGraph = (data: GraphologyJson): Graph => Graph.from(data as never);

/** One engine for a test file: `run` returns the response, `result` the checked, plain result. */
export function sampleRunner(sample: SampleAlgorithm) {
  const engine = nodeEngine();
  afterAll(() => engine.shutdown());
  const run = (data = sampleGraph(sample), consts: Record<string, string> = {}): Promise<RunResponse> =>
    engine.run(request('', { graph: data, files: { ...sample.files, 'main.ts': withConst(sample.code, consts) } }));
  const result = async (data = sampleGraph(sample), consts: Record<string, string> = {}): Promise<unknown> => {
    const r = await run(data, consts);
    expect(r.error, 'the sample runs without error').toBeUndefined();
    expect(r.ok).toBe(true);
    return plain(r.result!);
  };
  return { run, result };
}
