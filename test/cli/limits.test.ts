// Limits through the real command: time, steps, memory, a runaway worker, and caps a request cannot raise.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, run } from './harness';
import { stepsOf } from '../traceForms';

beforeAll(assertBuilt);

const COUNT = 'let i = 0;\nwhile (true) {\n  i++;\n}';

describe.concurrent('stepgraph run: limits', () => {
  it('step limit (17): exactly that many steps, all in the trace', async () => {
    const { code, json } = await run({ code: COUNT, options: { stepLimit: 25 } });
    expect(code).toBe(17);
    expect(json.error).toMatchObject({ phase: 'limit', code: 'LIMIT_STEPS', step: 24 });
    expect(json.stats.steps).toBe(25);
    expect(stepsOf(json)).toHaveLength(25);
  });

  it('time limit (17), also while the script waits; the steps before it are kept', async () => {
    const { code, json } = await run({
      code: 'let a = 1;\nawait sleep(60_000);\na = 2;',
      options: { timeLimitMs: 300 },
    });
    expect(code).toBe(17);
    expect(json.error).toMatchObject({ phase: 'limit', code: 'LIMIT_TIME' });
    expect(stepsOf(json).map((s: { line: number }) => s.line)).toEqual([1, 2]);
  });

  it('a runaway (a catastrophic regular expression) is stopped by killing its worker process (17)', async () => {
    const started = performance.now();
    const { code, json } = await run({ code: "/(a+)+$/.test('a'.repeat(40) + 'b');", options: { timeLimitMs: 300 } });
    expect(code).toBe(17);
    expect(json.error).toMatchObject({
      phase: 'limit',
      code: 'LIMIT_TIME',
      message: expect.stringContaining('terminated'),
    });
    expect(stepsOf(json)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(300 + 1000 + 5000);
  });

  it('a 100 MB typed array and a 50 MB string in variables are recorded as summaries; the run finishes', async () => {
    const { code, json } = await run({
      code: "const big = new Uint8Array(100_000_000);\nconst s = 'x'.repeat(50_000_000);\nexport default big.length + s.length;",
    });
    expect(code).toBe(0);
    expect(json.result).toBe(150_000_000);
    const values = stepsOf(json).flatMap((st: { changed?: Array<{ value: unknown }> }) =>
      (st.changed ?? []).map((c) => c.value),
    );
    expect(values[0]).toMatchObject({ $: 'object', cls: 'Uint8Array', size: 100_000_000 });
    expect(values[1]).toEqual(expect.stringContaining('(50000000 characters)'));
    expect(JSON.stringify(json).length).toBeLessThan(100_000);
  });

  it('a flood of output keeps its first and last lines with a marker naming the budget; the run finishes', async () => {
    const { code, json } = await run(
      {
        code: "for (let i = 0; i < 150_000; i++) console.log('line ' + i);\nexport default 'done';",
        options: { trace: 'none' },
      },
      // a busy machine must not turn this into a time limit
      ['--time-limit-ms', '60000'],
    );
    expect(code).toBe(0);
    expect(json.result).toBe('done');
    const out = (json.stdout as string).split('\n');
    expect(out.length).toBeLessThanOrEqual(100_001);
    expect(out[0]).toBe('line 0');
    expect(out).toContain('line 149999');
    expect(out).not.toContain('line 75000');
    expect(json.stderr).toContain('50000 lines');
    expect(json.stderr).toContain('LIMIT_OUTPUT');
  });

  it('memory (19): endless recursion overflows the stack, with its partial trace', async () => {
    const { code, json } = await run({
      code: 'function down(n: number): number {\n  return down(n + 1);\n}\ndown(0);',
    });
    expect(code).toBe(19);
    expect(json.error).toMatchObject({ phase: 'memory', code: 'MEMORY_STACK' });
    expect(stepsOf(json).length).toBeGreaterThan(100);
  });

  it('memory (19): a heap past --memory-limit-mb ends the worker process, not the command', async () => {
    const { code, json } = await run(
      { code: 'const a: number[][] = [];\nwhile (true) a.push(new Array(100_000).fill(1));' },
      // near its limit the heap collects again and again: time enough that memory is what trips
      ['--memory-limit-mb', '64', '--time-limit-ms', '60000'],
    );
    expect(code).toBe(19);
    expect(json.error).toMatchObject({
      phase: 'memory',
      code: 'MEMORY_HEAP',
      message: expect.stringContaining('64 MB'),
    });
    expect(json.stats.steps).toBeGreaterThan(0);
  });

  it('a request may lower the limits, never raise them past the flags or STEPGRAPH_* variables', async () => {
    const [flag, env, lower] = await Promise.all([
      run({ code: COUNT, options: { stepLimit: 1_000_000, timeLimitMs: 60_000, trace: 'none' } }, [
        '--step-limit',
        '40',
        '--time-limit-ms',
        '3000',
      ]),
      run({ code: COUNT, options: { stepLimit: 1_000_000, trace: 'none' } }, [], { STEPGRAPH_STEP_LIMIT: '30' }),
      run({ code: COUNT, options: { stepLimit: 10, trace: 'none' } }, ['--step-limit', '40']),
    ]);
    expect(flag.json.limits).toEqual({ timeLimitMs: 3000, stepLimit: 40 });
    expect(flag.json.stats.steps).toBe(40);
    expect(env.json.limits.stepLimit).toBe(30);
    expect(env.json.stats.steps).toBe(30);
    expect(lower.json.limits.stepLimit).toBe(10);
    expect(lower.json.stats.steps).toBe(10);
  });

  it('internal (3): a broken install (no worker entry) still answers in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepgraph-broken-'));
    try {
      for (const p of ['bin', 'dist-cli', 'package.json']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
      rmSync(join(dir, 'dist-cli/node.worker.js'));
      const { code, json } = await run({ code: 'export default 1' }, [], {}, join(dir, 'bin/stepgraph.js'));
      expect(code).toBe(3);
      expect(json.error).toMatchObject({
        phase: 'internal',
        code: 'INTERNAL',
        message: expect.stringContaining('crashed'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
