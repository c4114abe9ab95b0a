import type Graph from 'graphology';
import { compileFile } from '../src/tracer/instrument';
import { Tables } from '../src/tracer/tables';

/**
 * The same script compiled without instrumentation and run on the same graph: the native
 * baseline. Only module syntax and types are rewritten; `__sg` serves just imports and exports.
 * Like a traced run, each run makes its function anew (so neither side reuses JIT-compiled code
 * of the script from an earlier run); the helpers around it are warm in both.
 */
export function nativeRunner(code: string): (graph: Graph) => Promise<unknown> {
  const compiled = compileFile('main.ts', code, new Tables(), false);
  if (!compiled.ok) throw new Error(`bench: ${compiled.error.message}`);
  const source = `"use strict";\nreturn (async () => {\n${compiled.value.code}\n})();`;
  return async (graph) => {
    // eslint-disable-next-line no-new-func -- the benchmark runs the user's script untraced on purpose
    const body = new Function('__sg', 'graph', 'console', source);
    const exports: Record<string, unknown> = {};
    const sg = {
      import: () => Promise.reject(new Error('bench: no imports')),
      exports: (getters: Record<string, () => unknown>) => {
        for (const [k, get] of Object.entries(getters)) Object.defineProperty(exports, k, { get, enumerable: true });
      },
      reexport: () => undefined,
      re: (source: string, flags: string) => new RegExp(source, flags),
    };
    await (body as (...a: unknown[]) => Promise<void>)(sg, graph, { log: () => undefined });
    return exports.default;
  };
}
