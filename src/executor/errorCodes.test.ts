import { describe, expect, it } from 'vitest';
import { StepgraphError } from '../shared/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunErrorCode } from '../protocol/codes';
import { classify } from './errorCodes';

const where = { file: 'main.ts', line: 3, column: 5, step: 7 };

describe('classify', () => {
  it('[T-LIM1] [T-LIM3] [T-LIM6] context errors become limit or stopped, keeping their code', () => {
    expect(classify(new StepgraphError('LIMIT_STEPS', 'runtime/steps: …'), where)).toMatchObject({
      kind: 'limit',
      code: 'LIMIT_STEPS',
      line: 3,
      step: 7,
    });
    expect(classify(new StepgraphError('LIMIT_TIME', 'runtime/time: …'), where)).toMatchObject({
      kind: 'limit',
      code: 'LIMIT_TIME',
    });
    expect(classify(new StepgraphError('STOPPED', 'runtime/stop: …'), where)).toMatchObject({
      kind: 'stopped',
      code: 'STOPPED',
    });
  });

  it('[T-RUN2] a stack overflow is MEMORY_STACK', () => {
    let overflow: unknown;
    const f = (n: number): number => f(n + 1) + 1;
    try {
      f(0);
    } catch (e) {
      overflow = e;
    }
    expect(classify(overflow, where)).toMatchObject({ kind: 'memory', code: 'MEMORY_STACK', name: 'RangeError' });
    expect(classify(new RangeError('Invalid array length'), where)).toMatchObject({
      kind: 'runner',
      code: 'RUNNER_EXCEPTION',
    });
  });

  it("[T-RUN1] anything else is the script's own exception", () => {
    expect(classify(new TypeError('x is not a function'), where)).toEqual({
      kind: 'runner',
      code: 'RUNNER_EXCEPTION',
      name: 'TypeError',
      message: 'x is not a function',
      ...where,
    });
    expect(classify({ toString: () => 'odd' }, where)).toMatchObject({
      code: 'RUNNER_EXCEPTION',
      message: 'Uncaught odd',
    });
  });

  it('[T-RUN4] an executor failure is internal', () => {
    expect(classify(new StepgraphError('INTERNAL', 'executor/evaluate: …'), where)).toMatchObject({
      kind: 'internal',
      code: 'INTERNAL',
    });
  });
});

describe('one table of codes', () => {
  it('[C-LIM5] every code the engine makes is in RUN_ERROR_KINDS, with its kind; one missing is said to be ours', () => {
    expect(classify(new StepgraphError('LIMIT_GRAPH_OPS', 'runtime/graph: …'), where)).toMatchObject({
      kind: 'limit',
      code: 'LIMIT_GRAPH_OPS',
    });
    expect(classify(new StepgraphError('MEMORY_HEAP', 'x'), where).kind).toBe('memory');
    expect(classify(new StepgraphError('PERMISSION_DENIED', 'x'), where).kind).toBe('runner');
    const unknown = classify(new StepgraphError('MADE_UP', 'layer/fn: what happened'), where);
    expect(unknown).toMatchObject({ kind: 'internal', code: 'INTERNAL' });
    expect(unknown.message).toContain('unknown code MADE_UP');
  });

  it('[C-LIM5] every code written in the source as a StepgraphError code or a code table entry is in the table', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('ui/share/'),
    );
    const found = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/new StepgraphError\(\s*'([A-Z0-9_]+)'/g)) found.add(m[1] as string);
      for (const m of text.matchAll(/^\s+[A-Z_]+: '((?:LIMIT|PREP|INIT|RUNNER|NET|MEMORY|CONTEXT|CLIENT)_[A-Z_]+)'/gm))
        found.add(m[1] as string);
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((code) => !isRunErrorCode(code))).toEqual([]);
  });
});
