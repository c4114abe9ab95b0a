import { afterAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../../test/engine';
import { TraceReader } from '../../tracer/reader';
import { keptStep } from './keepPosition';

const engine = nodeEngine();
afterAll(() => engine.shutdown());

const readerOf = async (code: string): Promise<TraceReader> => new TraceReader((await engine.run(request(code))).trace);

const LOOP = ['let total = 0;', 'for (let i = 0; i < 5; i++) {', '  total += i;', '}', 'console.log(total);'];

describe('Run keeps the step position', () => {
  it('[UI-STALE2] the same line at the same time it ran, moved by a line typed above it', async () => {
    const before = LOOP.join('\n');
    const old = await readerOf(before);
    // the third time `total += i` ran
    const third = Array.from({ length: old.length }, (_, i) => i).filter((i) => old.step(i).line === 3)[2] as number;
    const after = ['// a comment typed above', ...LOOP].join('\n');
    const now = await readerOf(after);
    const step = keptStep({ reader: old, step: third, ranFiles: { 'main.ts': before } }, now, { 'main.ts': after });
    expect(step).toBeDefined();
    expect(now.step(step as number).line).toBe(4);
    expect(now.variables(step as number).find((v) => v.name === 'i')?.value).toBe(2);
  });

  it('[UI-STALE2] an edited line, a line that no longer runs, or a trace recorded elsewhere open at the start', async () => {
    const before = LOOP.join('\n');
    const old = await readerOf(before);
    const at = Array.from({ length: old.length }, (_, i) => i).find((i) => old.step(i).line === 3) as number;
    const edited = LOOP.map((l, i) => (i === 2 ? '  total += 2 * i;' : l)).join('\n');
    const ranFiles = { 'main.ts': before };
    expect(
      keptStep({ reader: old, step: at, ranFiles }, await readerOf(edited), { 'main.ts': edited }),
    ).toBeUndefined();
    const never = LOOP.map((l, i) => (i === 1 ? 'for (let i = 0; i < 0; i++) {' : l)).join('\n');
    expect(keptStep({ reader: old, step: at, ranFiles }, await readerOf(never), { 'main.ts': never })).toBeUndefined();
    expect(keptStep({ reader: old, step: at, ranFiles: undefined }, old, { 'main.ts': before })).toBeUndefined();
  });
});
