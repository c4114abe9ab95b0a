import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '.';

/** The globals a run injects, typed with graphology's own declarations. */
const GLOBALS = `declare const graph: import('graphology').default;
declare const console: { log(...values: unknown[]): void };
declare function sleep(ms: number): Promise<void>;
declare function spawn<T = unknown>(file: string, input?: unknown, options?: { permissions?: Record<string, string[]>; limits?: Record<string, number> }): Promise<T>;
`;

/** A script that must not compile: `graph` is typed, not `any`. */
const BAD = 'const nodes: number = graph.nodes();\ngraph.noSuchMethod();\nexport default nodes;\n';

/** TypeScript's complaints about each script, compiled strictly as the module a user would write. */
function diagnostics(scripts: Record<string, string>): Map<string, string[]> {
  const dir = resolve('src/samples/__scripts__');
  const files = new Map<string, string>([[resolve(dir, 'globals.d.ts'), GLOBALS]]);
  for (const [id, code] of Object.entries(scripts)) files.set(resolve(dir, `${id}.ts`), code);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => {
    const text = files.get(resolve(name));
    return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const id of Object.keys(scripts)) {
    const file = program.getSourceFile(resolve(dir, `${id}.ts`))!;
    const found = ts.getPreEmitDiagnostics(program, file).map((d) => {
      const at = d.start === undefined ? '' : `line ${file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
      return at + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    out.set(id, found);
  }
  return out;
}

describe('sample scripts', () => {
  // a sample's other files (a spawned module) are checked too, as `<id>--<file>`
  const extra = ALGORITHMS.flatMap((a) =>
    Object.entries(a.files ?? {}).map(([f, code]) => [`${a.id}--${f.replace(/\.ts$/, '')}`, code]),
  );
  const found = diagnostics({
    ...Object.fromEntries(ALGORITHMS.map((a) => [a.id, a.code])),
    ...Object.fromEntries(extra),
    bad: BAD,
  });
  it.each(ALGORITHMS.map((a) => a.id))('%s type-checks strictly against graphology’s own types', (id) => {
    expect(found.get(id)).toEqual([]);
  });

  it.each(extra.map(([id]) => id as string))('%s (a file the sample spawns) type-checks too', (id) => {
    expect(found.get(id)).toEqual([]);
  });

  it('the check does catch type errors, with graphology typed', () => {
    expect(found.get('bad')).toEqual([
      expect.stringMatching(/^line 1: Type 'string\[\]' is not assignable to type 'number'/),
      expect.stringMatching(/^line 2: Property 'noSuchMethod' does not exist/),
    ]);
  });
});
