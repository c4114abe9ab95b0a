import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { traceSteps } from '../../test/traceSteps';
import type { RunResponse } from '../protocol/run';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const run = (code: string, file = 'main.ts'): Promise<RunResponse> =>
  engine.run(request('', { files: { [file]: code }, main: file }));

const steps = traceSteps;

describe('output, values, reading', () => {
  it('[T-OUT1] output lands on the step that printed it; output(i) is everything printed so far', async () => {
    const r = await run(
      ['let a = 1;', "console.log('one', a);", 'a = 2;', "console.error('two');", 'a = 3;'].join('\n'),
    );
    const rd = new TraceReader(r.trace);
    expect(r.trace.output).toEqual([
      { step: 1, stream: 'stdout', text: 'one 1' },
      { step: 3, stream: 'stderr', text: 'two' },
    ]);
    expect(rd.output(0)).toEqual([]);
    expect(rd.output(1).map((o) => o.text)).toEqual(['one 1']);
    expect(rd.output(2).map((o) => o.text)).toEqual(['one 1']);
    expect(rd.output(4).map((o) => o.text)).toEqual(['one 1', 'two']);
  });

  it('[T-OUT1] every console method lands on its stream; values print as a console would', async () => {
    const r = await run(
      [
        "console.info('i', [1, 'x'], new Map([['A', 1]]));",
        "console.warn('w', { k: undefined });",
        "console.debug('d');",
        "console.table('t');",
        "console.dir('dir');",
      ].join('\n'),
    );
    expect(r.trace.output).toEqual([
      { step: 0, stream: 'stdout', text: 'i [1, "x"] Map(1) {"A" => 1}' },
      { step: 1, stream: 'stderr', text: 'w { k: undefined }' },
      { step: 2, stream: 'stdout', text: 'd' },
      { step: 3, stream: 'stdout', text: 't' },
      { step: 4, stream: 'stdout', text: 'dir' },
    ]);
  });

  it('[T-VAL2] [T-VAL6] cyclic values are recorded without a crash, as they were at each step', async () => {
    const r = await run(
      [
        'const a: any = { name: "a" };',
        'a.self = a;',
        'const xs: any[] = [1];',
        'xs.push(xs);',
        'export default a;',
      ].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(steps(r)).toEqual([
      [1, 1, { a: { $: 'object', cls: 'Object', entries: [['name', 'a']], size: 1 } }],
      [
        2,
        1,
        {
          a: {
            $: 'object',
            cls: 'Object',
            entries: [
              ['name', 'a'],
              ['self', { $: 'cycle' }],
            ],
            size: 2,
          },
        },
      ],
      [3, 1, { xs: { $: 'array', items: [1], size: 1 } }],
      [4, 1, { xs: { $: 'array', items: [1, { $: 'cycle' }], size: 2 } }],
      [5, 1, {}],
    ]);
    expect(r.result).toEqual({
      $: 'object',
      cls: 'Object',
      entries: [
        ['name', 'a'],
        ['self', { $: 'cycle' }],
      ],
      size: 2,
    });
  });

  it('[T-READ1] any step reads the same whatever order the steps are read in', async () => {
    const r = await run(['let s = 0;', 'for (let i = 0; i < 50; i++) {', '  s += i;', '}'].join('\n'));
    const forward = new TraceReader(r.trace);
    const a = Array.from({ length: forward.length }, (_, i) => forward.variables(i));
    const backward = new TraceReader(r.trace);
    const b = Array.from({ length: backward.length }, (_, i) => backward.variables(backward.length - 1 - i)).reverse();
    expect(b).toEqual(a);
    expect(a[a.length - 1]?.find((v) => v.name === 's')?.value).toBe(1225);
  });

  it('[T-SCHEMA1] the reader refuses a trace of another version', async () => {
    const r = await run('let a = 1;');
    expect(r.trace.version).toBe(2);
    expect(() => new TraceReader({ ...r.trace, version: 3 as 2 })).toThrow(/version 3/);
  });
});
