import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { err, ok, type Result } from '../../shared/result';

/** One case of an exercise: a graph, an input, and what the submission must return. */
export interface ExerciseCase {
  /** Shown in reports. */
  name: string;
  /** The graph (graphology or Cytoscape JSON, as a request's `graph`). */
  graph: unknown;
  /** The main module's input. */
  input?: unknown;
  /** The expected result, as plain JSON; absent when the checker decides. */
  expect?: unknown;
}

/** An exercise (docs/GRADING.md), read and checked. */
export interface Exercise {
  /** Shown in reports. */
  name: string;
  /** Its cases, in order. */
  cases: ExerciseCase[];
  /** The checker module's source and file name, when the exercise has one. */
  checker?: { file: string; code: string };
  /** Limits every run gets (lowered by the command's flags, never raised). */
  options: { timeLimitMs?: number; stepLimit?: number };
}

const MAX_CASES = 200;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (path: string, why: string): Result<never, string> => err(`cli/grade: ${path}: ${why}`);

/** Reads an exercise file; the checker's path is relative to it. Never throws. */
export function readExercise(path: string): Result<Exercise, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return bad(path, `cannot be read (${(e as Error).message})`);
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return bad(path, `is not JSON (${(e as Error).message})`);
  }
  if (!isObject(v)) return bad(path, 'must be a JSON object');
  const extra = Object.keys(v).find((k) => !['name', 'cases', 'checker', 'options'].includes(k));
  if (extra !== undefined) return bad(path, `unknown field "${extra}" (expected name, cases, checker, options)`);
  if (typeof v.name !== 'string' || v.name.length === 0) return bad(path, '"name" must be a non-empty string');
  if (!Array.isArray(v.cases) || v.cases.length === 0 || v.cases.length > MAX_CASES)
    return bad(path, `"cases" must be a list of 1 to ${MAX_CASES} cases`);
  const cases: ExerciseCase[] = [];
  for (const [i, c] of v.cases.entries()) {
    const where = `cases[${i}]`;
    if (!isObject(c)) return bad(path, `${where} must be an object`);
    const unknown = Object.keys(c).find((k) => !['name', 'graph', 'input', 'expect'].includes(k));
    if (unknown !== undefined) return bad(path, `${where}: unknown field "${unknown}"`);
    if (typeof c.name !== 'string') return bad(path, `${where}.name must be a string`);
    if (!isObject(c.graph)) return bad(path, `${where}.graph must be graphology or Cytoscape JSON`);
    if (!('expect' in c) && v.checker === undefined)
      return bad(path, `${where} has no "expect", and the exercise has no checker to decide`);
    cases.push({
      name: c.name,
      graph: c.graph,
      ...('input' in c ? { input: c.input } : {}),
      ...('expect' in c ? { expect: c.expect } : {}),
    });
  }
  let checker: Exercise['checker'];
  if (v.checker !== undefined) {
    if (typeof v.checker !== 'string') return bad(path, '"checker" must be the path of a module');
    const file = resolve(dirname(path), v.checker);
    try {
      checker = { file, code: readFileSync(file, 'utf8') };
    } catch (e) {
      return bad(path, `the checker ${v.checker} cannot be read (${(e as Error).message})`);
    }
  }
  const options = v.options ?? {};
  if (!isObject(options)) return bad(path, '"options" must be an object');
  for (const [k, n] of Object.entries(options)) {
    if (k !== 'timeLimitMs' && k !== 'stepLimit') return bad(path, `options: unknown option "${k}"`);
    if (typeof n !== 'number' || !(n > 0)) return bad(path, `options.${k} must be a positive number`);
  }
  return ok({ name: v.name, cases, ...(checker ? { checker } : {}), options: options as Exercise['options'] });
}
