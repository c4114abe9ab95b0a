import { compileFile, type CompiledFile, type SyntaxProblem } from '../tracer/instrument';
import { Tables } from '../tracer/tables';

/** Every file of a request compiled, with the tables their steps refer to. Read-only once made. */
export interface CompiledPlayground {
  /** Statement, slot and name tables shared by the files. */
  tables: Tables;
  /** Each file, compiled, by name. */
  compiled: ReadonlyMap<string, CompiledFile>;
}

const MAX_ENTRIES = 32;
const cache = new Map<string, CompiledPlayground>();

/**
 * Compiles the files (the main one first), or returns the same playground compiled earlier: a
 * grader or a server often runs the same code many times, and instrumenting is most of a small
 * run's cost. Compiled code never changes at run time, so runs can share it.
 */
export function compilePlayground(
  files: Readonly<Record<string, string>>,
  main: string,
  /** False compiles without instrumentation (`compileFile`'s `instrument`). */
  traced = true,
): { ok: true; value: CompiledPlayground } | { ok: false; error: SyntaxProblem } {
  const order = [main, ...Object.keys(files).filter((f) => f !== main)];
  const key = JSON.stringify([traced, ...order.map((f) => [f, files[f]])]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ok: true, value: hit };
  }
  const tables = new Tables();
  for (const name of order) tables.file(name);
  const compiled = new Map<string, CompiledFile>();
  for (const name of order) {
    const r = compileFile(name, files[name] as string, tables, traced);
    if (!r.ok) return r;
    compiled.set(name, r.value);
  }
  const value = { tables, compiled };
  cache.set(key, value);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return { ok: true, value };
}
