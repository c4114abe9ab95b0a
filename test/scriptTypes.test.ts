import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PACKAGE_NAMES } from '../src/executor/allowedPackages';
import { LIMIT_KINDS } from '../src/runtime/limits';
import { scriptDeclarations } from '../scripts/scriptTypes/plugin';
import { specifiers } from '../scripts/scriptTypes/collect';

const files = scriptDeclarations();
const byPath = new Map(files.map((f) => [f.path.replace('file:///', '/'), f.text]));

/** Type-checks `script` as the editor would: only the bundle and TypeScript's own lib, nothing from disk. */
function check(script: string): string[] {
  const main = '/main.ts';
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noEmit: true,
    lib: ['lib.es2023.d.ts'],
    types: [],
  };
  const real = ts.createCompilerHost(options);
  const read = (f: string): string | undefined =>
    f === main ? script : (byPath.get(f) ?? (f.includes('/typescript/lib/') ? real.readFile(f) : undefined));
  const host: ts.CompilerHost = {
    ...real,
    getCurrentDirectory: () => '/',
    fileExists: (f) => read(f) !== undefined,
    readFile: read,
    directoryExists: () => true,
    getSourceFile: (f, v) => {
      const text = read(f);
      return text === undefined ? undefined : ts.createSourceFile(f, text, v);
    },
  };
  const program = ts.createProgram([main, ...[...byPath.keys()].filter((p) => p.endsWith('.d.ts'))], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === main)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the editor’s declaration bundle', () => {
  it('holds every allowlisted package, with an entry its resolution finds', () => {
    for (const name of ALLOWED_PACKAGE_NAMES) {
      const pkg = byPath.get(`/node_modules/${name}/package.json`);
      expect(pkg, name).toBeDefined();
      expect(byPath.has(`/node_modules/${name}/${JSON.parse(pkg as string).types.replace(/^\.\//, '')}`)).toBe(true);
    }
    expect(byPath.has('/node_modules/graphology-types/index.d.ts')).toBe(true);
  });

  it('types a script’s globals and every allowlisted import, as the run has them', () => {
    const errors = check(
      [
        "import { bidirectional } from 'graphology-shortest-path';",
        "import { bfsFromNode } from 'graphology-traversal';",
        "import { connectedComponents } from 'graphology-components';",
        "import { hasCycle } from 'graphology-dag';",
        "import { density } from 'graphology-metrics/graph';",
        "import Graph from 'graphology';",
        "const n: string[] = graph.neighbors('A');",
        "graph.addEdge('A', 'B', { weight: 2 });",
        "const p: string[] | null = bidirectional(graph, 'A', 'J');",
        "bfsFromNode(graph, 'A', (node: string, _a, depth: number) => { trace.label(node, String(depth)); });",
        'const parts: string[][] = connectedComponents(graph);',
        'const cyclic: boolean = hasCycle(new Graph());',
        'const d: number = density(graph);',
        "await sleep(1); console.log(n, p, parts, cyclic, d); trace.note('x');",
        "const r = await fetch('https://x/'); const s: number = r.status; void s;",
        "export const manifest = { limits: { 'execution/steps': 5 } } satisfies Stepgraph.Manifest;",
        "await spawn('./a.ts', {}, { limits: { 'execution/cpu-time': 5 } });",
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('makes a limit name the runtime does not know a type error', () => {
    const errors = check(
      [
        "export const manifest = { limits: { 'execution/stpes': 5 } } satisfies Stepgraph.Manifest;",
        "await spawn('./a.ts', {}, { permissions: { raed: ['graph'] } });",
        "graph.noSuchMethod('A');",
      ].join('\n'),
    );
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain("'execution/stpes'");
    expect(errors[1]).toContain("'raed'");
    expect(errors[2]).toContain("'noSuchMethod'");
  });

  it('writes the limit names from the runtime’s table', () => {
    const globals = byPath.get('/stepgraph-globals.d.ts') ?? '';
    for (const name of Object.keys(LIMIT_KINDS)) expect(globals).toContain(`'${name}'?: number;`);
  });

  it('follows `export * as` and `import()` specifiers', () => {
    expect(specifiers("export * as a from './a';\ntype T = import('b').T;\nexport {c} from 'c';", 'x.d.ts')).toEqual([
      './a',
      'b',
      'c',
    ]);
  });
});
