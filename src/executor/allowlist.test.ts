import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

describe('import allowlist', () => {
  it('[T-PREP2] the graphology family is importable, so a script can check itself against the library', async () => {
    const r = await engine.run(
      request(
        [
          "import { bidirectional } from 'graphology-shortest-path';",
          "import { bfsFromNode } from 'graphology-traversal';",
          "import { connectedComponents } from 'graphology-components';",
          "const path = bidirectional(graph, 'A', 'J');",
          'let visited = 0;',
          "bfsFromNode(graph, 'A', () => { visited++; });",
          'export default { hops: path!.length - 1, visited, parts: connectedComponents(graph).length };',
        ].join('\n'),
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['hops', 5],
        ['visited', 10],
        ['parts', 1],
      ],
      size: 3,
    });
  });

  it('[T-PREP2] a package outside the family is refused before anything runs', async () => {
    const r = await engine.run(request("import layout from 'graphology-layout-forceatlas2';\nexport default 1;"));
    expect(r.error).toMatchObject({ kind: 'prep', code: 'PREP_FORBIDDEN_IMPORT', line: 1, column: 1 });
    expect(r.error?.message).toContain('graphology-layout-forceatlas2');
    expect(r.trace.stepCount).toBe(0);
  });
});

describe('errors outside the script flow', () => {
  it('[T-RUN1] an exception in a timer callback fails the run as a runner error with its own name', async () => {
    const r = await engine.run(
      request(
        ["setTimeout(() => { throw new TypeError('boom'); }, 5);", 'await sleep(200);', "console.log('after');"].join(
          '\n',
        ),
      ),
    );
    expect(r.error).toMatchObject({ kind: 'runner', code: 'RUNNER_EXCEPTION', name: 'TypeError', message: 'boom' });
    expect(r.trace.output.map((o) => o.text)).not.toContain('after');
  });
});

describe('sandbox', () => {
  it('[T-SEM4] a script cannot build code from text with Function; instanceof Function still works', async () => {
    const r = await engine.run(
      request(
        [
          'const isFn = (() => 1) instanceof Function;',
          "let blocked = '';",
          // reached indirectly, so the compile-time check cannot see it: the compartment's Function refuses
          "const F = globalThis['Func' + 'tion'];",
          "try { F('return this')(); } catch (e) { blocked = (e as { code: string }).code; }",
          "let ctor = '';",
          "try { (async () => {}).constructor('return 1'); } catch (e) { ctor = (e as Error).name; }",
          'export default { isFn, blocked, ctor };',
        ].join('\n'),
      ),
    );
    expect(r.result).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['isFn', true],
        ['blocked', 'RUNNER_FORBIDDEN_FEATURE'],
        ['ctor', 'TypeError'],
      ],
      size: 3,
    });
  });

  it('[T-SEM5] eval, Function(…), import(), import.meta and host globals are refused before the run, with their place', async () => {
    const cases: Array<[string, number, number]> = [
      ['let a = 1;\nexport default eval("a");', 2, 16],
      ["export default new Function('return this')();", 1, 20],
      ["const m = await import('data:text/javascript,1');", 1, 17],
      ['export default import.meta.url;', 1, 16],
      ['const __sg = 1;', 1, 7],
      ['export default typeof __f0;', 1, 23],
      ['const x = 1;\nprocess.exit(1);', 2, 1],
      ['export default self.postMessage;', 1, 16],
      ['const f = () => indexedDB;', 1, 17],
    ];
    for (const [code, line, column] of cases) {
      const r = await engine.run(request(code));
      expect(r.trace.stepCount, code).toBe(0);
      expect(r.error, code).toMatchObject({ kind: 'prep', code: 'PREP_FORBIDDEN_SYNTAX', line, column });
    }
  });

  it('[T-SEM5] a name of its own, a property or `typeof` of a host global is not a use of one', async () => {
    const r = await engine.run(
      request(
        [
          'const window = { size: 2 };',
          'const o = { process: 1, self: 2 };',
          'function f(document: number) { return document + 1; }',
          'export default [window.size, o.process + o.self, f(1), typeof location, typeof require];',
        ].join('\n'),
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ $: 'array', items: [2, 3, 2, 'undefined', 'undefined'] });
  });

  it('[T-SEM6] text that only looks like import( or eval( still runs, unchanged', async () => {
    const r = await engine.run(
      request(
        [
          "const a = 'import(x) and eval(y) <!-- -->';",
          'const b = `import (z)`;',
          'const o = { import() { return 1; }, eval() { return 2; } };',
          'const r = /import\\(x\\)|eval(y)|<!--/g;',
          "export default [a, b, o.import() + o.eval(), r.source, r.flags, 'evaly'.replace(r, 'ok')];",
        ].join('\n'),
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({
      $: 'array',
      items: ['import(x) and eval(y) <!-- -->', 'import (z)', 3, 'import\\(x\\)|eval(y)|<!--', 'g', 'ok'],
    });
  });
});
