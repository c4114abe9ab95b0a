import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import type { RunRequest, RunResponse } from '../protocol/run';
import { TraceReader } from '../tracer/reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

/** After every failure, the same engine must still run a script normally (T-RUN3). */
async function runThenHealthy(req: unknown): Promise<RunResponse> {
  const r = await engine.run(req as RunRequest);
  const next = await engine.run(request('let a = 20;\nexport default a + 22;'));
  expect(next.ok, 'the next run after a failure').toBe(true);
  expect(next.result).toBe(42);
  expect(next.trace.stepCount).toBe(2);
  return r;
}

const graph = { nodes: [{ key: 'a' }], edges: [] };

describe('init', () => {
  it.each<[string, unknown]>([
    ['not an object', 42],
    ['null', null],
    ['a string', 'main.ts'],
    ['no files', { main: 'main.ts', graph }],
    ['a file that is not text', { files: { 'main.ts': 1 }, main: 'main.ts', graph }],
    ['missing main', { files: { 'a.ts': '' }, graph }],
    ['main not among the files', { files: { 'a.ts': '' }, main: 'main.ts', graph }],
    ['bad settings', { files: { 'main.ts': '' }, main: 'main.ts', graph, settings: { stepLimit: -1 } }],
  ])('[T-INIT1] [T-RUN3] %s → INIT_BAD_REQUEST, no steps', async (_name, req) => {
    const r = await runThenHealthy(req);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'init', code: 'INIT_BAD_REQUEST', step: -1 });
    expect(r.trace.stepCount).toBe(0);
  });

  it.each<[string, unknown]>([
    ['no graph', undefined],
    ['nodes not an array', { nodes: 3, edges: [] }],
    ['edges not an array', { nodes: [], edges: {} }],
    ['an edge to a missing node', { nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'zz' }] }],
    ['a node that is not an object', { nodes: [null], edges: [] }],
    ['Cytoscape elements that are null', { elements: null }],
    ['Cytoscape nodes not an array', { elements: { nodes: 5, edges: [] } }],
    ['a Cytoscape node without data', { elements: { nodes: [{}], edges: [] } }],
  ])('[T-INIT2] [T-RUN3] %s → INIT_BAD_GRAPH', async (_name, g) => {
    const r = await runThenHealthy({ files: { 'main.ts': 'let a = 1;' }, main: 'main.ts', graph: g });
    expect(r.error).toMatchObject({ kind: 'init', code: 'INIT_BAD_GRAPH', step: -1 });
    expect(r.error?.message).toMatch(/^executor\/init: bad graph: /);
    expect(r.trace.stepCount).toBe(0);
  });
});

describe('internal', () => {
  it('[T-RUN4] [T-RUN3] a request that throws when read still gets a response, of kind internal', async () => {
    const hostile = Object.defineProperty({}, 'files', {
      get: () => {
        throw new Error('hostile getter');
      },
    });
    const r = await runThenHealthy(hostile);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'internal', code: 'INTERNAL', message: 'executor/internal: hostile getter' });
    expect(r.trace.stepCount).toBe(0);
  });
});

describe('prep', () => {
  it('[T-PREP1] a syntax error gives PREP_SYNTAX with the exact line and column, and no steps', async () => {
    const r = await runThenHealthy(request('const a = 1;\nconst b = ;\n'));
    expect(r.error).toMatchObject({
      kind: 'prep',
      code: 'PREP_SYNTAX',
      name: 'SyntaxError',
      file: 'main.ts',
      line: 2,
      column: 11,
    });
    expect(r.trace.stepCount).toBe(0);
  });

  it('[T-PREP1] a syntax error in an imported file is reported there, before anything runs', async () => {
    const r = await runThenHealthy(
      request('', {
        files: { 'main.ts': "import { x } from './u';\nconsole.log(x);", 'u.ts': 'export const x = 1;\nconst y = (;' },
      }),
    );
    expect(r.error).toMatchObject({ code: 'PREP_SYNTAX', file: 'u.ts', line: 2, column: 12 });
    expect(r.trace.stepCount).toBe(0);
    expect(r.trace.output).toEqual([]);
  });

  it('[T-PREP2] a forbidden import names the module, its line and column', async () => {
    const r = await runThenHealthy(request("const a = 1;\n  import fs from 'fs';\nexport default a;"));
    expect(r.error).toMatchObject({ kind: 'prep', code: 'PREP_FORBIDDEN_IMPORT', file: 'main.ts', line: 2, column: 3 });
    expect(r.error?.message).toContain('"fs"');
    expect(r.trace.stepCount).toBe(0);
  });

  it('[T-PREP2] re-exports are checked too; a missing playground file is PREP_MISSING_FILE', async () => {
    const reexport = await runThenHealthy(request("export * from 'node:child_process';"));
    expect(reexport.error).toMatchObject({ code: 'PREP_FORBIDDEN_IMPORT', line: 1, column: 1 });
    const missing = await runThenHealthy(request("import { x } from './nope';"));
    expect(missing.error).toMatchObject({ kind: 'prep', code: 'PREP_MISSING_FILE', line: 1 });
    expect(missing.error?.message).toContain('./nope');
  });

  it('[T-PREP3] a bad manifest is PREP_BAD_MANIFEST naming the field', async () => {
    const bad = await runThenHealthy(
      request("export const manifest = { limits: { 'execution/steps': 'x' } };\nexport default 1;"),
    );
    expect(bad.error).toMatchObject({ kind: 'prep', code: 'PREP_BAD_MANIFEST', line: 1 });
    expect(bad.error?.message).toContain('manifest.limits["execution/steps"]');
    const notLiteral = await runThenHealthy(
      request('const n = 5;\nexport const manifest = { limits: { "execution/steps": n } };'),
    );
    expect(notLiteral.error?.code).toBe('PREP_BAD_MANIFEST');
    expect(notLiteral.error?.message).toContain('manifest.limits.execution/steps must be a literal');
    const unknownKind = await runThenHealthy(request("export const manifest = { permissions: { fly: ['graph'] } };"));
    expect(unknownKind.error?.message).toContain('manifest.permissions.fly');
  });
});

describe('runner', () => {
  it('[T-RUN1] an exception gives RUNNER_EXCEPTION at the throwing line and keeps the steps before it', async () => {
    const r = await runThenHealthy(request('let a = 1;\na++;\nconst o: any = null;\no.x;\na++;'));
    expect(r.error).toMatchObject({
      kind: 'runner',
      code: 'RUNNER_EXCEPTION',
      name: 'TypeError',
      file: 'main.ts',
      line: 4,
      column: 1,
      step: 3,
    });
    expect(r.trace.stepCount).toBe(4);
    const rd = new TraceReader(r.trace);
    expect(rd.variables(3).find((v) => v.name === 'a')?.value).toBe(2);
    expect(r.trace.error).toEqual(r.error);
  });

  it('[T-RUN1] an exception thrown deep in a function points at the throwing statement', async () => {
    const r = await runThenHealthy(
      request(
        "function f(n: number): number {\n  if (n === 0) throw new Error('bottom');\n  return f(n - 1);\n}\nf(2);",
      ),
    );
    expect(r.error).toMatchObject({ code: 'RUNNER_EXCEPTION', name: 'Error', message: 'bottom', line: 2, column: 16 });
  });

  it('[T-RUN1] a thrown non-error value is described', async () => {
    const r = await runThenHealthy(request("throw 'oops';"));
    expect(r.error).toMatchObject({ code: 'RUNNER_EXCEPTION', message: 'Uncaught "oops"', line: 1 });
  });

  it('[T-RUN2] endless recursion is MEMORY_STACK', async () => {
    const r = await runThenHealthy(request('function f(n: number): number {\n  return f(n + 1) + 1;\n}\nf(0);'));
    expect(r.error).toMatchObject({ kind: 'memory', code: 'MEMORY_STACK', name: 'RangeError', line: 2 });
    expect(r.trace.stepCount).toBeGreaterThan(100);
  });
});
