// `stepgraph run`: one request on stdin, one response on stdout, an exit code per error phase.
import { beforeAll, describe, expect, it } from 'vitest';
import { bfs } from '../../src/samples/algorithms/bfs';
import { ten } from '../../src/samples/graphs/ten';
import { assertBuilt, cli, run } from './harness';
import { stepsOf } from '../traceForms';

beforeAll(assertBuilt);

describe.concurrent('stepgraph run', () => {
  it('-V prints the version, -h the usage; a bad flag is a usage error (2)', async () => {
    const [v, h, bad] = await Promise.all([cli(['-V']), cli(['--help']), cli(['run', '--port', '1'])]);
    expect(v).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('stepgraph run');
    expect(h.stdout).toContain('STEPGRAPH_TIME_LIMIT_MS');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port is an option of serve');
  });

  it('runs the BFS sample (exit 0): result, output, stats and a step per statement', async () => {
    const { code, json } = await run({ files: { 'main.ts': bfs.code }, graph: ten.data });
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, version: '0.1.0', stderr: '' });
    expect(json.result.$).toBe('array');
    expect(json.result.items[0]).toBe('A');
    expect(json.stdout.split('\n')[0]).toBe('visit A at distance 0');
    expect(json.stats.steps).toBe(stepsOf(json).length);
    expect(json.stats.steps).toBeGreaterThan(50);
    expect(json.trace.modules).toEqual([{ file: 'main.ts', parent: -1 }]);
    const first = stepsOf(json)[0];
    expect(first).toMatchObject({ module: 0, file: 'main.ts', line: 2, column: 1, depth: 0, function: 'main.ts' });
    expect(first.changed).toEqual([{ name: 'start', frame: 0, value: 'A' }]);
    const printed = stepsOf(json).filter((s: { output?: unknown }) => s.output);
    expect(printed[0].output).toEqual([{ stream: 'stdout', text: 'visit A at distance 0' }]);
  });

  it('takes "code", imports between "files", Cytoscape graphs, input and seeds', async () => {
    const files = {
      'util.ts': 'export const twice = (n: number) => 2 * n;',
      'main.ts': "import { twice } from './util';\nexport default (n: number) => twice(n) + graph.order;",
    };
    const cytoscape = {
      elements: {
        nodes: [{ data: { id: 'a' } }, { data: { id: 'b' } }],
        edges: [{ data: { source: 'a', target: 'b' } }],
      },
    };
    const seeded = (seed: string) => run({ code: 'export default Math.random()', options: { seed, trace: 'none' } });
    const [code, multi, s1, s2, s3] = await Promise.all([
      run({ code: 'export default 1 + 1' }),
      run({ files, graph: cytoscape, options: { input: 20 } }),
      seeded('x'),
      seeded('x'),
      seeded('y'),
    ]);
    expect(code.json).toMatchObject({ ok: true, result: 2 });
    expect(code.json.trace.files).toEqual(['main.ts']);
    expect(multi.json).toMatchObject({ ok: true, result: 42 });
    expect(s1.json.result).toBe(s2.json.result);
    expect(s1.json.result).not.toBe(s3.json.result);
    expect(s1.json.trace).toBeUndefined();
  });

  it('init (5): not JSON, not a request, a bad graph', async () => {
    const [notJson, unknown, badGraph] = await Promise.all([
      run('{"code": '),
      run({ code: '1', option: {} }),
      run({ code: '1', graph: { nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'zz' }] } }),
    ]);
    for (const r of [notJson, unknown, badGraph]) {
      expect(r.code).toBe(5);
      expect(r.json.ok).toBe(false);
      expect(r.json.error.phase).toBe('init');
      expect(stepsOf(r.json)).toEqual([]);
    }
    expect(notJson.json.error.code).toBe('INIT_BAD_JSON');
    expect(unknown.json.error).toMatchObject({
      code: 'INIT_BAD_REQUEST',
      message: expect.stringContaining('"option"'),
    });
    expect(badGraph.json.error.code).toBe('INIT_BAD_GRAPH');
  });

  it('a graph file in the request: read through the formats registry, a malformed one refused naming its line', async () => {
    const dot = 'digraph {\n  a -> b [weight=3];\n  b -> c [weight=4];\n}\n';
    const code = 'export default graph.reduceEdges((sum, _e, attrs) => sum + attrs.weight, 0) + graph.type;';
    const [read, malformed, unknown] = await Promise.all([
      run({ code, graph: { format: 'dot', text: dot } }),
      run({ code, graph: { format: 'graphml', text: '<graphml>\n<graph>\n<node id="a">\n</graph></graphml>' } }),
      run({ code, graph: { format: 'xlsx', text: 'a,b' } }),
    ]);
    expect(read.code).toBe(0);
    expect(read.json.result).toBe('7directed');
    expect(malformed.code).toBe(5);
    expect(malformed.json.error).toMatchObject({ phase: 'init', code: 'INIT_BAD_GRAPH' });
    expect(malformed.json.error.message).toMatch(/not well-formed XML at line 3.*FORMAT_SYNTAX/);
    expect(unknown.json.error).toMatchObject({
      code: 'INIT_BAD_REQUEST',
      message: expect.stringContaining('unknown format "xlsx"'),
    });
  });

  it('prep (7): a syntax error with its line and column, a forbidden import naming the module', async () => {
    const [syntax, imported] = await Promise.all([
      run({ code: 'let a = 1;\nlet b = ;' }),
      run({ code: "import { readFileSync } from 'node:fs';\nexport default 1;" }),
    ]);
    expect(syntax.code).toBe(7);
    expect(syntax.json.error).toMatchObject({
      phase: 'prep',
      code: 'PREP_SYNTAX',
      module: 'main.ts',
      line: 2,
      column: 9,
    });
    expect(imported.code).toBe(7);
    expect(imported.json.error).toMatchObject({ phase: 'prep', code: 'PREP_FORBIDDEN_IMPORT', line: 1 });
    expect(imported.json.error.message).toContain('node:fs');
    expect(stepsOf(syntax.json)).toEqual([]);
  });

  it('runner (13): the exception, where it was thrown, and the partial trace and output before it', async () => {
    const { code, json } = await run({ code: "let a = 1;\nconsole.log('before');\na = 2;\nnull!.x;" });
    expect(code).toBe(13);
    expect(json.error).toMatchObject({
      phase: 'runner',
      code: 'RUNNER_EXCEPTION',
      name: 'TypeError',
      module: 'main.ts',
      line: 4,
      column: 1,
      step: 3,
    });
    expect(json.stdout).toBe('before\n');
    expect(stepsOf(json).map((s: { line: number }) => s.line)).toEqual([1, 2, 3, 4]);
    expect(stepsOf(json)[2].changed).toEqual([{ name: 'a', frame: 0, value: 2 }]);
  });
});
