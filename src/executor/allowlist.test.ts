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
          "try { Function('return this')(); } catch (e) { blocked = (e as Error).name; }",
          'export default { isFn, blocked };',
        ].join('\n'),
      ),
    );
    expect(r.result).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['isFn', true],
        ['blocked', 'EvalError'],
      ],
      size: 2,
    });
  });
});
