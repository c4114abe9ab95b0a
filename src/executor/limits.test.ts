import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

/** One statement that takes a while (untraced work inside a single step), so time trips before steps. */
const SLOW = 'Array.from({ length: 100_000 }, (_, i) => i).reduce((a, b) => a + b, 0)';

describe('step limits', () => {
  it('[T-LIM1] a run past stepLimit ends with LIMIT_STEPS and exactly that many steps', async () => {
    const r = await engine.run(request('let i = 0;\nwhile (true) {\n  i++;\n}', { settings: { stepLimit: 1000 } }));
    expect(r.error).toMatchObject({ kind: 'limit', code: 'LIMIT_STEPS', step: 999, file: 'main.ts' });
    expect(r.trace.stepCount).toBe(1000);
    expect(r.stats.steps).toBe(1000);
  });

  it('[T-LIM1] steps of imported files are counted once each', async () => {
    const loop = (name: string): string =>
      `export let ${name} = 0;\nfor (let k = 0; k < 300; k++) {\n  ${name} += k;\n}`;
    const r = await engine.run(
      request('', {
        settings: { stepLimit: 3000 },
        files: {
          'main.ts': "import { a } from './a';\nimport { b } from './b';\nlet i = 0;\nwhile (true) i++;",
          'a.ts': loop('a'),
          'b.ts': loop('b'),
        },
      }),
    );
    expect(r.error?.code).toBe('LIMIT_STEPS');
    expect(r.trace.stepCount).toBe(3000);
  });

  it('[T-LIM2] a manifest limit tightens the run, and cannot loosen it', async () => {
    const tight = await engine.run(
      request("export const manifest = { limits: { 'execution/steps': 50 } };\nlet i = 0;\nwhile (true) i++;"),
    );
    expect(tight.error).toMatchObject({ code: 'LIMIT_STEPS', line: 3 });
    expect(tight.trace.stepCount).toBe(50);
    const loose = await engine.run(
      request("export const manifest = { limits: { 'execution/steps': 5000 } };\nlet i = 0;\nwhile (true) i++;", {
        settings: { stepLimit: 100 },
      }),
    );
    expect(loose.trace.stepCount).toBe(100);
  });

  it.each([
    ['catch {}', 'while (true) { try { for (;;) {} } catch {} }'],
    ['catch (e)', 'while (true) { try { for (;;) {} } catch (e) { console.log("swallowed"); } }'],
    ['finally { continue }', 'while (true) { try { for (;;) {} } finally { continue; } }'],
    ['a promise catch', 'while (true) { await (async () => { for (;;) {} })().catch(() => 0); }'],
  ])('[T-LIM4] user code cannot swallow a limit: %s', async (_name, code) => {
    const r = await engine.run(request(code, { settings: { stepLimit: 5000 } }));
    expect(r.error?.code).toBe('LIMIT_STEPS');
    expect(r.trace.stepCount).toBe(5000);
    expect(r.trace.output).toEqual([]);
  });
});

describe('time limits', () => {
  it('[T-LIM3] [T-LIM7] an endless loop with timeLimitMs: 300 ends with LIMIT_TIME and a partial trace', async () => {
    const r = await engine.run(
      request(`let n = 0;\nwhile (true) {\n  n += ${SLOW};\n}`, { settings: { timeLimitMs: 300 } }),
    );
    expect(r.error).toMatchObject({ kind: 'limit', code: 'LIMIT_TIME', file: 'main.ts' });
    expect([2, 3]).toContain(r.error?.line);
    expect(r.trace.stepCount).toBeGreaterThan(10);
    expect(r.trace.stepCount).toBeLessThan(1_000_000);
    expect(r.stats.wallMs).toBeGreaterThanOrEqual(300);
    // [T-LIM7] checked every few ms of running, not only every 1024 (here slow) steps
    expect(r.stats.wallMs).toBeLessThan(1000);
  });

  it('[T-LIM3] [T-LIM4] a catch cannot swallow the time limit either', async () => {
    const r = await engine.run(
      request(`while (true) {\n  try { for (;;) { ${SLOW}; } } catch {}\n}`, { settings: { timeLimitMs: 200 } }),
    );
    expect(r.error?.code).toBe('LIMIT_TIME');
  });

  it('[T-LIM3] a hung await still ends at the time limit', async () => {
    const r = await engine.run(
      request("let a = 1;\nawait new Promise(() => {});\nconsole.log('never');", { settings: { timeLimitMs: 300 } }),
    );
    expect(r.error).toMatchObject({ kind: 'limit', code: 'LIMIT_TIME', line: 2 });
    expect(r.trace.stepCount).toBe(2);
    expect(r.trace.output).toEqual([]);
  });

  it('[T-LIM3] [T-LIM5] a long sleep ends at the time limit and holds nothing open afterwards', async () => {
    const own = nodeEngine();
    const r = await own.run(request('await sleep(20000);', { settings: { timeLimitMs: 200 } }));
    expect(r.error?.code).toBe('LIMIT_TIME');
    const t0 = performance.now();
    await own.shutdown();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('timers and stops', () => {
  it('[T-LIM5] setTimeout and clearTimeout run on the kernel timers during the run', async () => {
    const code = [
      'const got: string[] = [];',
      "const cancelled = setTimeout(() => got.push('cancelled'), 1);",
      'clearTimeout(cancelled);',
      "const v = await new Promise<string>((resolve) => setTimeout(resolve, 5, 'fired'));",
      'got.push(v);',
      'export default got;',
    ].join('\n');
    const r = await engine.run(request(code));
    expect(r.result).toEqual({ $: 'array', items: ['fired'], size: 1 });
  });

  it('[T-LIM5] once the run has ended, its timers never run the module again', async () => {
    const first = await engine.run(
      request(
        "setTimeout(() => console.log('late timeout'), 10);\nsleep(10).then(() => console.log('late sleep'));\nexport default 1;",
      ),
    );
    expect(first.ok).toBe(true);
    const second = await engine.run(request('await sleep(60);\nexport default 2;'));
    expect(second.result).toBe(2);
    expect(second.trace.output).toEqual([]);
    expect(first.trace.output).toEqual([]);
  });

  it('[T-LIM6] a stop asked by the host ends the run as stopped, also while it waits', async () => {
    let stop = false;
    const busy = await engine.run(request('let i = 0;\nwhile (true) i++;'), { stopRequested: () => true });
    expect(busy.error).toMatchObject({ kind: 'stopped', code: 'STOPPED' });
    expect(busy.trace.stepCount).toBeGreaterThan(0);
    expect(busy.trace.stepCount).toBeLessThanOrEqual(16);
    const waiting = engine.run(request('let i = 0;\nwhile (true) {\n  await sleep(5);\n  i++;\n}'), {
      stopRequested: () => stop,
    });
    // another run on the same kernel, awaited, lets the first one get under way before the stop
    expect((await engine.run(request('await sleep(30);\nexport default 1;'))).result).toBe(1);
    stop = true;
    const r = await waiting;
    expect(r.error).toMatchObject({ kind: 'stopped', code: 'STOPPED' });
    expect(r.trace.stepCount).toBeGreaterThan(2);
  });
});

describe('budgets of what a run records', () => {
  const FLOOD =
    'let i = 0;\nwhile (true) {\n  graph.addNode(`n${i}`, { i });\n  graph.setNodeAttribute(`n${i}`, "seen", true);\n  i++;\n}';

  it('[C-LIM6] a graph flood past graph/operations ends with LIMIT_GRAPH_OPS and its partial trace', async () => {
    const r = await engine.run(request(FLOOD, { settings: { limits: { 'graph/operations': 5000 } } }));
    expect(r.error).toMatchObject({ kind: 'limit', code: 'LIMIT_GRAPH_OPS', file: 'main.ts' });
    expect(r.error?.message).toContain('5000 graph operations');
    // charged as each call returns: not one operation more than the call that crossed the limit made
    expect(r.trace.graphOps.length).toBe(5001);
    expect(r.trace.stepCount).toBe(r.stats.steps);
    expect(r.trace.stepCount).toBeGreaterThan(5000);
    const benign = await engine.run(request('export default graph.order;'));
    expect(benign).toMatchObject({ ok: true, result: 10 });
  });

  it('[C-LIM6] a manifest lowers graph/operations for its module; one call that makes many trips as it returns', async () => {
    const code = [
      "export const manifest = { limits: { 'graph/operations': 100 } };",
      'const nodes = Array.from({ length: 1000 }, (_, i) => ({ key: `m${i}` }));',
      'graph.import({ nodes });',
      "console.log('after the import');",
    ].join('\n');
    const r = await engine.run(request(code));
    expect(r.error).toMatchObject({ code: 'LIMIT_GRAPH_OPS', line: 3 });
    expect(r.trace.output).toEqual([]);
    expect(r.trace.graphOps.length).toBe(1000);
  });

  it('[C-LIM6] a trace past trace/bytes ends with LIMIT_TRACE_MEMORY, by default too', async () => {
    // every new 90,000-item array is copied into the trace once (about 1.5 MB of columns each)
    const code =
      'const kept = [];\nwhile (true) {\n  const a = Array.from({ length: 90_000 }, (_, i) => i);\n  kept.push(a);\n}';
    const low = await engine.run(request(code, { settings: { limits: { 'trace/bytes': 20_000_000 } } }));
    expect(low.error).toMatchObject({ kind: 'limit', code: 'LIMIT_TRACE_MEMORY', file: 'main.ts' });
    expect(low.trace.stepCount).toBe(low.stats.steps);
    // the copies kept are about what the budget allows, not more
    expect(low.trace.opCount * 17).toBeLessThan(40_000_000);
    const byDefault = await engine.run(request(code, { settings: { timeLimitMs: 60_000 } }));
    expect(byDefault.error?.code).toBe('LIMIT_TRACE_MEMORY');
    expect(byDefault.error?.message).toContain(String(256 * 1024 * 1024));
  });

  it('[C-LIM6] output/lines from the manifest is the run’s output budget; the run goes on past it', async () => {
    const code = [
      "export const manifest = { limits: { 'output/lines': 10 } };",
      'for (let i = 0; i < 100; i++) console.log(`line ${i}`);',
      "export default 'done';",
    ].join('\n');
    const r = await engine.run(request(code));
    expect(r).toMatchObject({ ok: true, result: 'done' });
    const texts = r.trace.output.map((l) => l.text);
    expect(texts.slice(0, 5)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    expect(texts[5]).toContain('90 lines');
    expect(texts[5]).toContain('LIMIT_OUTPUT');
    expect(texts.slice(6)).toEqual(['line 95', 'line 96', 'line 97', 'line 98', 'line 99']);
  });

  it.each([
    [{ 'graph/ops': 5 }, 'unknown limit "graph/ops"'],
    [{ 'graph/operations': -1 }, 'graph/operations must be a positive number'],
    [{ 'trace/bytes': '5' }, 'trace/bytes must be a positive number'],
    [[1, 2], 'must map limit names to numbers'],
  ])('[C-LIM6] settings.limits %j is refused with INIT_BAD_REQUEST', async (limits, message) => {
    const r = await engine.run(request('export default 1;', { settings: { limits: limits as never } }));
    expect(r.error).toMatchObject({ kind: 'init', code: 'INIT_BAD_REQUEST' });
    expect(r.error?.message).toContain(message);
  });

  it('[C-LIM6] settings never raise a limit past its default', async () => {
    const r = await engine.run(
      request(FLOOD, { settings: { limits: { 'graph/operations': 1e12 }, stepLimit: 20_000 } }),
    );
    expect(r.error?.code).toBe('LIMIT_STEPS');
    const lowered = await engine.run(
      request("export const manifest = { limits: { 'graph/operations': 50 } };\n" + FLOOD, {
        settings: { limits: { 'graph/operations': 1e12 } },
      }),
    );
    expect(lowered.error?.code).toBe('LIMIT_GRAPH_OPS');
    expect(lowered.trace.graphOps.length).toBe(51);
  });
});
