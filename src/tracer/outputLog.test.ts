import { describe, expect, it } from 'vitest';
import { OutputLog } from './outputLog';

describe('output budget', () => {
  it('[T-OUT1] within the budget, every line is kept as printed', () => {
    const log = new OutputLog({ lines: 10, chars: 1000 });
    for (let i = 0; i < 10; i++) log.print(i, 'stdout', `line ${i}`);
    expect(log.lines().map((l) => l.text)).toEqual([...Array(10).keys()].map((i) => `line ${i}`));
  });

  it('[T-OUT2] past it, the first and last halves are kept with one marker where lines were dropped', () => {
    const log = new OutputLog({ lines: 10, chars: 1_000_000 });
    for (let i = 0; i < 100_000; i++) log.print(i, i % 2 ? 'stderr' : 'stdout', String(i));
    const lines = log.lines();
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 5).map((l) => l.text)).toEqual(['0', '1', '2', '3', '4']);
    expect(lines.slice(6).map((l) => l.text)).toEqual(['99995', '99996', '99997', '99998', '99999']);
    expect(lines[5]).toMatchObject({ step: 5, stream: 'stderr' });
    expect(lines[5]?.text).toContain('99990 lines');
    expect(lines[5]?.text).toContain('LIMIT_OUTPUT');
    // steps stay in order, so the console shows up to a step
    const steps = lines.map((l) => l.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('[T-OUT2] characters count too: a huge line keeps its start and its length', () => {
    const log = new OutputLog({ lines: 100, chars: 2000 });
    log.print(0, 'stdout', 'start');
    log.print(1, 'stdout', 'y'.repeat(50_000));
    log.print(2, 'stdout', 'end');
    const lines = log.lines();
    expect(lines[0]?.text).toBe('start');
    const total = lines.reduce((n, l) => n + l.text.length, 0);
    expect(total).toBeLessThan(2000 + 300);
    expect(lines.some((l) => l.text.includes('(50000 characters)'))).toBe(true);
    expect(lines[lines.length - 1]?.text).toBe('end');
  });
});
