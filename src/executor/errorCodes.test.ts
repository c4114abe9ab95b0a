import { describe, expect, it } from 'vitest';
import { StepgraphError } from '../shared/errors';
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
