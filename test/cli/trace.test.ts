// The executor's trace output at scale (docs/EXECUTOR.md, "The trace"): the compact columns form by
// default, read back through the documented reader; every step recorded before a limit, a stop or
// the watchdog kept; the per-step form refused past its size; the trace file of --trace-file and of
// serve's "trace": "file".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bfs } from '../../src/samples/algorithms/bfs';
import { ten } from '../../src/samples/graphs/ten';
import { TraceAssembler } from '../../src/tracer/assemble';
import { readTraceFile } from '../../src/tracer/traceFile';
import { toTraceJson } from '../../src/tracer/traceJson';
import { assertBuilt, cli, postRun, run, serve, type Server } from './harness';
import { stepsOf, traceOf } from '../traceForms';

const dir = mkdtempSync(join(tmpdir(), 'stepgraph-trace-'));
let server: Server;

beforeAll(async () => {
  assertBuilt();
  server = await serve(['--workers', '1']);
});
afterAll(() => {
  server?.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** A loop that never ends on its own. */
const ENDLESS = 'let i = 0;\nwhile (true) {\n  i++;\n}';

describe('executor trace output', () => {
  it('the default trace is the compact columns form; its reader gives the steps the "steps" form gives', async () => {
    const request = { files: { 'main.ts': bfs.code }, graph: ten.data };
    const [columns, steps] = await Promise.all([run(request), run({ ...request, options: { trace: 'steps' } })]);
    expect(columns.json.trace.form).toBe('columns');
    const trace = traceOf(columns.json);
    expect(trace.stepCount).toBe(columns.json.stats.steps);
    expect(trace.stepStatement).toBeInstanceOf(Uint16Array);
    expect(stepsOf(columns.json)).toEqual(steps.json.trace.steps);
    // a few bytes a step, not hundreds
    expect(columns.stdout.length / trace.stepCount).toBeLessThan(60);
    expect(columns.stdout.length).toBeLessThan(steps.stdout.length / 2);
  });

  it('an endless loop under a 1 s limit returns every step recorded up to the limit', async () => {
    const { code, json } = await run({ code: ENDLESS, options: { timeLimitMs: 1000 } }, ['--step-limit', '100000000']);
    expect(code).toBe(17);
    expect(json.error.code).toBe('LIMIT_TIME');
    const trace = traceOf(json);
    expect(json.stats.steps).toBeGreaterThan(1000);
    expect(trace.stepCount).toBe(json.stats.steps);
    expect(json.error.step).toBe(trace.stepCount - 1);
  });

  it('the watchdog ends the worker of a catastrophic regular expression: the steps recorded before it are kept', async () => {
    const code = [
      'let n = 0;',
      'for (let i = 0; i < 150000; i++) {',
      '  n += i;',
      '}',
      "/(a+)+$/.test('a'.repeat(40) + '!');",
    ].join('\n');
    // time enough for the loop on a busy machine: the regular expression, not the loop, must meet the limit
    const { code: exit, json } = await run({ code, options: { timeLimitMs: 4000 } });
    expect(exit).toBe(17);
    expect(json.error).toMatchObject({ phase: 'limit', code: 'LIMIT_TIME' });
    expect(json.error.message).toContain('are kept');
    const trace = traceOf(json);
    expect(trace.stepCount).toBe(json.stats.steps);
    expect(json.error.step).toBe(trace.stepCount - 1);
    // the loop's steps reached the host in chunks before the regular expression froze the worker
    expect(trace.stepCount).toBeGreaterThan(1000);
    expect(trace.stepCount).toBeLessThanOrEqual(2 * 150000 + 3);
  }, 40_000);

  it('the "steps" form is refused past its size with a code that names the compact form', async () => {
    const { code, json } = await run({
      code: 'let s = 0;\nfor (let i = 0; i < 20000; i++) s += i;',
      options: { trace: 'steps' },
    });
    expect(code).toBe(17);
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('LIMIT_TRACE_STEPS_USE_COLUMNS');
    expect(json.error.message).toContain('"trace": "columns"');
    expect(json.trace).toBeUndefined();
    expect(json.stats.steps).toBeGreaterThan(20000);
  });

  it('--trace-file writes the binary trace as the run goes; the response then has none', async () => {
    const path = join(dir, 'bfs.sgtrace');
    const { code, json } = await run({ files: { 'main.ts': bfs.code }, graph: ten.data }, ['--trace-file', path]);
    expect(code).toBe(0);
    expect(json.trace).toBeUndefined();
    const file = readTraceFile(new Uint8Array(readFileSync(path)));
    expect(file.run).toMatchObject({ main: 'main.ts', files: { 'main.ts': bfs.code } });
    expect(file.end).toMatchObject({ ok: true, stats: { steps: json.stats.steps } });
    const assembler = new TraceAssembler();
    for (const chunk of file.chunks) assembler.add(chunk);
    const trace = assembler.trace();
    expect(trace.stepCount).toBe(json.stats.steps);
    const again = await run({ files: { 'main.ts': bfs.code }, graph: ten.data, options: { trace: 'steps' } });
    expect(toTraceJson(trace).steps).toEqual(again.json.trace.steps);
  });

  it('a trace file that cannot be written ends the command with 3 and says why, without hanging', async () => {
    const { code, stderr } = await cli(['run', '--trace-file', join(dir, 'no/such/folder/x.sgtrace')], '{"code":"1"}');
    expect(code).toBe(3);
    expect(stderr).toContain('no/such/folder');
  });

  it('"trace": "file" is for serve: stepgraph run refuses it without --trace-file', async () => {
    const { code, json } = await run({ code: '1', options: { trace: 'file' } });
    expect(code).toBe(5);
    expect(json.error.message).toContain('--trace-file');
  });

  it('serve streams a trace file as the body of "trace": "file"', async () => {
    const answer = await fetch(`${server.url}/run`, {
      method: 'POST',
      body: JSON.stringify({ code: ENDLESS, options: { timeLimitMs: 500, trace: 'file' } }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.stepgraph.trace');
    const file = readTraceFile(new Uint8Array(await answer.arrayBuffer()));
    const end = file.end as { ok: boolean; error: { code: string }; stats: { steps: number } };
    expect(end.error.code).toMatch(/^LIMIT_/);
    const assembler = new TraceAssembler();
    for (const chunk of file.chunks) assembler.add(chunk);
    expect(assembler.steps).toBe(end.stats.steps);
    expect(file.chunks.length).toBeGreaterThan(1);
    // a bad request still gets a JSON answer
    const bad = await postRun(server.url, { code: 1, options: { trace: 'file' } });
    expect(bad.json.error.code).toBe('INIT_BAD_REQUEST');
  });
});
