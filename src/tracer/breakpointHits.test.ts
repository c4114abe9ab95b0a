import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { BreakpointFinder } from './breakpointHits';
import { LineIndex } from './lineIndex';
import { TraceReader } from './reader';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

// line 5 runs once per node, with `node` and `dist` recorded
const CODE = [
  "const dist = new Map<string, number>([['A', 0]]);", // 1
  "const queue: string[] = ['A'];", // 2
  'let hops = 0;', // 3
  'while (queue.length > 0) {', // 4
  '  const node = queue.shift()!;', // 5
  '  for (const next of graph.neighbors(node)) {', // 6
  '    if (!dist.has(next)) {', // 7
  '      dist.set(next, dist.get(node)! + 1);', // 8
  '      queue.push(next);', // 9
  '    }', // 10
  '  }', // 11
  '  hops++;', // 12
  '}', // 13
].join('\n');

async function setup() {
  const r = await engine.run(request(CODE, {}));
  const reader = new TraceReader(r.trace);
  return { reader, index: new LineIndex(r.trace) };
}

describe('BreakpointFinder', () => {
  it('[T-BP1] a plain breakpoint stops at every step of its line, forward and back', async () => {
    const { reader, index } = await setup();
    const line5 = [...index.stepsOf('main.ts', 5)];
    expect(line5.length).toBeGreaterThan(3);
    const f = new BreakpointFinder(reader, index, [{ file: 'main.ts', line: 5 }]);
    expect(f.next(-1)).toEqual({ step: line5[0], breakpoint: 0 });
    expect(f.next(line5[0] as number)).toEqual({ step: line5[1], breakpoint: 0 });
    expect(f.previous(line5[2] as number)).toEqual({ step: line5[1], breakpoint: 0 });
    expect(f.next(line5[line5.length - 1] as number)).toBeUndefined();
    expect(f.next(line5[0] as number, (line5[1] as number) - 1)).toBeUndefined();
    expect(f.at(line5[1] as number)).toBe(0);
    expect(f.at((line5[1] as number) + 1)).toBe(-1);
  });

  it('[T-BP2] a conditional breakpoint stops only where its condition holds on the recorded values', async () => {
    const { reader, index } = await setup();
    const f = new BreakpointFinder(reader, index, [{ file: 'main.ts', line: 5, condition: 'dist.get(node) >= 2' }]);
    const hits: number[] = [];
    for (let h = f.next(-1); h; h = f.next(h.step)) hits.push(h.step);
    expect(hits.length).toBeGreaterThan(0);
    const expected = [...index.stepsOf('main.ts', 5)].filter((s) => {
      const vars = reader.variables(s);
      const node = vars.find((v) => v.name === 'node')?.value;
      const dist = vars.find((v) => v.name === 'dist')?.value as { entries: Array<[string, number]> };
      return (dist.entries.find(([k]) => k === node)?.[1] ?? -1) >= 2;
    });
    expect(hits).toEqual(expected);
    expect(f.errors).toEqual([undefined]);
  });

  it('[T-BP3] a condition that cannot be used never stops and says why on its breakpoint', async () => {
    const { reader, index } = await setup();
    const f = new BreakpointFinder(reader, index, [
      { file: 'main.ts', line: 5, condition: "constructor.constructor('return 1')()" },
      { file: 'main.ts', line: 8, condition: 'nothere > 1' },
      { file: 'main.ts', line: 12 },
    ]);
    const first12 = index.next('main.ts', 12, -1);
    expect(f.next(-1)).toEqual({ step: first12, breakpoint: 2 });
    expect(f.errors[0]).toBe('a condition may call only .get(x), .has(x) and .includes(x)');
    expect(f.errors[1]).toMatch(/^at step \d+: no variable `nothere` at this step$/);
  });

  it('[T-BP1] a search out of evaluations says how far it is sure, and going on from there finds the hit', async () => {
    const { reader, index } = await setup();
    const line5 = [...index.stepsOf('main.ts', 5)];
    const last = line5[line5.length - 1] as number;
    const f = new BreakpointFinder(
      reader,
      index,
      [{ file: 'main.ts', line: 5, condition: `hops === ${line5.length - 1}` }],
      2,
    );
    expect(f.next(-1)).toBeUndefined();
    expect(f.cut).toBe(line5[2]);
    let from = -1;
    let hit;
    for (let presses = 0; presses < 20 && !hit; presses++) {
      hit = f.next(from);
      if (!hit) from = (f.cut as number) - 1;
    }
    expect(hit).toEqual({ step: last, breakpoint: 0 });
    expect(f.cut).toBeUndefined();
  });
});
