import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import type { RunResponse } from '../protocol/run';
import type { ModuleSample } from '../protocol/modules';
import { TraceReader } from '../tracer/reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

/** Runs a playground of several files, `main.ts` first. */
const run = (files: Record<string, string>, extra: Parameters<typeof request>[1] = {}): Promise<RunResponse> =>
  engine.run(request('', { files, ...extra }));

/** The last sample of each module. */
function last(r: RunResponse): Map<string, ModuleSample> {
  const out = new Map<string, ModuleSample>();
  const files = new Map(r.modules?.modules.map((m) => [m.id, m.file]));
  for (const s of r.modules?.samples ?? []) out.set(files.get(s.module) ?? '?', s);
  return out;
}

const NAP = 'export default async (ms: number) => {\n  await sleep(ms);\n  return ms;\n};';

describe('spawn', () => {
  it('[C-SPAWN1] runs a file as a child module and resolves with its default export, called with the input', async () => {
    const r = await run({
      'main.ts':
        "const a = await spawn('./double.ts', 21);\nconst b = await spawn('double.ts', 1);\nexport default [a, b];",
      'double.ts': 'export default (n: number) => n * 2;',
    });
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ $: 'array', items: [42, 2] });
    expect(r.modules?.modules.map((m) => [m.id, m.file, m.parent])).toEqual([
      [0, 'main.ts', -1],
      [1, 'double.ts', 0],
      [2, 'double.ts', 0],
    ]);
    expect([...last(r).values()].map((s) => s.state)).toEqual(['done', 'done']);
  });

  it('[C-SPAWN1] needs use on the file: without it the module stops with PERMISSION_DENIED', async () => {
    const r = await run({
      'main.ts': "export const manifest = { permissions: { read: ['graph'] } };\nawait spawn('./double.ts', 1);",
      'double.ts': 'export default 1;',
    });
    expect(r.error).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(r.error?.message).toContain('use ./double.ts');
  });

  it('[C-SPAWN2] [C-CHILD1] a child that asks for more than its parent fails with the child-rule error', async () => {
    const options = await run({
      'main.ts':
        "export const manifest = { permissions: { read: ['graph'], use: ['./...'] } };\nawait spawn('./child.ts', null, { permissions: { write: ['graph'] } });",
      'child.ts': 'export default 1;',
    });
    expect(options.error).toMatchObject({ kind: 'runner', code: 'CONTEXT_PERMISSION_NOT_HELD' });
    expect(options.error?.message).toContain('write graph');
    const declared = await run({
      'main.ts': "await spawn('./child.ts');",
      'child.ts':
        "export const manifest = { permissions: { read: ['https://api.example.com/...'] } };\nexport default 1;",
    });
    expect(declared.error).toMatchObject({ code: 'CONTEXT_PERMISSION_NOT_HELD' });
    expect(declared.error?.message).toContain('read https://api.example.com/...');
  });

  it('[C-SPAWN2] [C-LIM3] a child with a looser limit is refused; a stricter one is its own', async () => {
    const loose = await run({
      'main.ts': "await spawn('./child.ts', null, { limits: { 'execution/steps': 2000000 } });",
      'child.ts': 'export default 1;',
    });
    expect(loose.error).toMatchObject({ code: 'CONTEXT_LOOSER_LIMIT' });
    expect(loose.error?.message).toContain('execution/steps');
    const strict = await run({
      'main.ts':
        "let code = '';\ntry {\n  await spawn('./loop.ts', null, { limits: { 'execution/steps': 50 } });\n} catch (e) {\n  code = (e as { code: string }).code;\n}\nexport default code;",
      'loop.ts': 'let i = 0;\nwhile (true) i++;',
    });
    expect(strict.result).toBe('LIMIT_STEPS');
    const child = last(strict).get('loop.ts');
    expect(child).toMatchObject({ state: 'failed', error: 'LIMIT_STEPS', steps: 51 });
    expect(strict.modules?.modules[1]?.limits['execution/steps']).toBe(50);
  });

  it('[C-SPAWN3] ported: a limit of one simultaneous module refuses a second spawn until the first ends', async () => {
    const r = await run({
      'main.ts': [
        "export const manifest = { limits: { 'modules/simultaneous': 1 } };",
        "const first = spawn('./nap.ts', 30);",
        "let refused = '';",
        'try {',
        "  await spawn('./nap.ts', 1);",
        '} catch (e) {',
        '  refused = (e as { code: string }).code;',
        '}',
        'await first;',
        "const again = await spawn('./nap.ts', 2);",
        'export default [refused, again];',
      ].join('\n'),
      'nap.ts': NAP,
    });
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ items: ['LIMIT_TOTAL', 2] });
  });

  it('[C-SPAWN4] a child starts after its parent’s synchronous code; its failure rejects spawn', async () => {
    const r = await run({
      'main.ts': [
        'const order: string[] = [];',
        "const p = spawn('./mark.ts', order);",
        "order.push('parent');",
        'await p;',
        "let caught = '';",
        'try {',
        "  await spawn('./boom.ts');",
        '} catch (e) {',
        '  caught = (e as Error).message;',
        '}',
        'export default [order.join(), caught];',
      ].join('\n'),
      'mark.ts': "export default (order: string[]) => order.push('child');",
      'boom.ts': "throw new Error('boom');",
    });
    expect(r.result).toMatchObject({ items: ['parent,child', 'boom'] });
    expect(last(r).get('boom.ts')).toMatchObject({ state: 'failed', error: 'RUNNER_EXCEPTION' });
  });

  it('[C-SPAWN4] when the parent ends, a child it did not wait for is stopped', async () => {
    const r = await run({
      'main.ts': "spawn('./forever.ts');\nexport default 'bye';",
      'forever.ts': "while (true) {\n  await sleep(5);\n  console.log('tick');\n}",
    });
    expect(r.result).toBe('bye');
    expect(r.stats.wallMs).toBeLessThan(1000);
    expect(r.trace.output).toEqual([]);
    expect(last(r).get('forever.ts')).toMatchObject({ state: 'failed', error: 'MODULE_ENDED' });
  });

  it('[C-SPAWN5] modules that wait let each other run: their steps interleave', async () => {
    const r = await run({
      'main.ts': "await Promise.all([spawn('./walk.ts', 'a'), spawn('./walk.ts', 'b')]);",
      'walk.ts':
        'export default async (name: string) => {\n  for (let i = 0; i < 3; i++) {\n    console.log(name + i);\n    await sleep(10);\n  }\n};',
    });
    expect(r.error).toBeUndefined();
    expect(r.trace.output.map((o) => o.text)).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    const reader = new TraceReader(r.trace);
    const byStep = Array.from({ length: reader.length }, (_, i) => reader.step(i).module).filter((m) => m > 0);
    const switches = byStep.filter((m, i) => i > 0 && m !== byStep[i - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(5);
  });
});

describe('fetch and graph', () => {
  const fetching = nodeEngine({
    fetch: (req) =>
      Promise.resolve({
        url: req.url,
        status: 200,
        statusText: 'OK',
        headers: {},
        body: JSON.stringify({ got: req.url }),
      }),
  });
  afterAll(() => fetching.shutdown());

  it('[C-FETCH1] [C-MAN2] fetch without read on its URL fails, naming the missing permission', async () => {
    const r = await fetching.run(
      request("const r = await fetch('https://api.example.com/data');\nexport default r.status;"),
    );
    expect(r.error).toMatchObject({ code: 'PERMISSION_DENIED', line: 1 });
    expect(r.error?.message).toContain('read https://api.example.com/data');
  });

  it('[C-FETCH1] with read on the URL, fetch goes through the network device', async () => {
    const r = await fetching.run(
      request(
        "export const manifest = { permissions: { read: ['https://api.example.com/...'] } };\nconst r = await fetch('https://api.example.com/data');\nexport default (await r.json()).got;",
        { grants: { network: ['https://api.example.com'] } },
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toBe('https://api.example.com/data');
  });

  it('[C-FETCH1] [C-RATE1] net/requests makes a request wait for its token', async () => {
    const code = [
      "export const manifest = { permissions: { read: ['https://a.test'] }, limits: { 'net/requests': 2 } };",
      'for (let i = 0; i < 3; i++) await fetch(`https://a.test/${i}`);',
    ].join('\n');
    const r = await fetching.run(request(code, { grants: { network: ['https://a.test'] } }));
    expect(r.error).toBeUndefined();
    // the third request waits for half a second of refill
    expect(r.stats.mainMs).toBeGreaterThanOrEqual(450);
    expect(last(r).get('main.ts')?.cpuMs).toBeLessThan(300);
  });

  it('[C-GRAPH1] changing the graph needs write on graph, reading it read', async () => {
    const ok = await engine.run(request("graph.addNode('Z');\nexport default graph.order;"));
    expect(ok.result).toBe(11);
    const readOnly = await engine.run(
      request(
        "export const manifest = { permissions: { read: ['graph'] } };\nconst n = graph.order;\ngraph.addNode('Z');",
      ),
    );
    expect(readOnly.error).toMatchObject({ code: 'PERMISSION_DENIED', line: 3 });
    expect(readOnly.error?.message).toContain('write graph');
    const none = await engine.run(request('export const manifest = { permissions: {} };\ngraph.nodes();'));
    expect(none.error?.message).toContain('read graph');
  });

  it('[C-MAN3] the settings cap the main module’s limits; a spawned module’s looser limit is refused', async () => {
    const capped = await engine.run(
      request("export const manifest = { limits: { 'execution/steps': 5000 } };\nlet i = 0;\nwhile (true) i++;", {
        settings: { stepLimit: 100 },
      }),
    );
    expect(capped.error?.code).toBe('LIMIT_STEPS');
    expect(capped.trace.stepCount).toBe(100);
    expect(capped.modules?.modules[0]?.limits['execution/steps']).toBe(100);
    const child = await run(
      {
        'main.ts': "await spawn('./child.ts');",
        'child.ts': "export const manifest = { limits: { 'execution/steps': 5000 } };\nexport default 1;",
      },
      { settings: { stepLimit: 100 } },
    );
    expect(child.error?.code).toBe('CONTEXT_LOOSER_LIMIT');
  });

  it('[C-MAN1] a bad manifest in any file fails prep, naming the file and field', async () => {
    const r = await run({
      'main.ts': "await spawn('./child.ts');",
      'child.ts': "export const manifest = { limits: { 'net/requests': 'many' } };",
    });
    expect(r.error).toMatchObject({ kind: 'prep', code: 'PREP_BAD_MANIFEST', file: 'child.ts', line: 1 });
    expect(r.error?.message).toContain('manifest.limits["net/requests"]');
  });
});

describe('CPU time', () => {
  it('[C-CPU1] [C-CPU2] a CPU limit of 100 ms stops a busy loop at about 100 ms; a sleeping module is not charged', async () => {
    const r = await run(
      {
        'main.ts': [
          "const limits = { 'execution/cpu-time': 100 };",
          "const [busy, rested] = await Promise.allSettled([spawn('./busy.ts', null, { limits }), spawn('./rest.ts', null, { limits })]);",
          "export default [busy.status, busy.status === 'rejected' ? busy.reason.code : '', rested.status];",
        ].join('\n'),
        'busy.ts': 'let i = 0;\nwhile (true) i++;',
        'rest.ts': "await sleep(1000);\nexport default 'rested';",
      },
      { settings: { stepLimit: 100_000_000 } },
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ items: ['rejected', 'LIMIT_CPU_TIME', 'fulfilled'] });
    const busy = last(r).get('busy.ts');
    const rest = last(r).get('rest.ts');
    expect(busy?.state).toBe('failed');
    expect(busy?.cpuMs).toBeGreaterThanOrEqual(100);
    // a check every ~8 ms of running; generous under a loaded machine
    expect(busy?.cpuMs).toBeLessThan(160);
    expect(rest?.state).toBe('done');
    expect(rest?.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(rest?.cpuMs).toBeLessThan(30);
  });

  it('[C-CPU3] ported: a busy parent and a busy child share one budget', async () => {
    const burst = 'const until = Date.now() + 10;\n  while (Date.now() < until) {}\n  await sleep(0);';
    const r = await run(
      {
        'main.ts': `export const manifest = { limits: { 'execution/cpu-time': 150 } };\nspawn('./child.ts');\nwhile (true) {\n  ${burst}\n}`,
        'child.ts': `while (true) {\n  ${burst}\n}`,
      },
      { settings: { stepLimit: 100_000_000 } },
    );
    expect(r.error).toMatchObject({ code: 'LIMIT_CPU_TIME' });
    const main = last(r).get('main.ts');
    const child = last(r).get('child.ts');
    expect(main?.cpuMs).toBeGreaterThanOrEqual(150);
    expect(main?.cpuMs).toBeLessThan(260);
    // both drew on the parent's budget, each for a good part of it
    expect(child?.cpuMs).toBeGreaterThan((main?.cpuMs ?? 0) * 0.25);
    expect(child?.cpuMs).toBeLessThan((main?.cpuMs ?? 0) * 0.75);
  });
});
