// The hostile cases as data: enough of them, well formed, and each able to fail. A case whose pass
// condition an escaped script would also meet proves nothing, so every case is judged against the
// outcomes of a script that got out: it finished and said what it reached, it forged a success, it
// lost its trace.
import { describe, expect, it } from 'vitest';
import { CASES, CLI_CASES } from './cases';
import { judge, type Outcome } from './judge';
import { LAYERS } from './types';

const escaped: Outcome[] = [
  { ok: true, result: 'process,fetch', steps: 3, traced: true, output: '' },
  { ok: true, result: 'PASS', steps: 3, traced: true, output: 'PASS\n' },
  { ok: false, code: 'LIMIT_TIME', steps: 100, traced: false, output: '' },
  { ok: false, code: 'INTERNAL', steps: -1, traced: false, output: '' },
];

describe('hostile cases', () => {
  it('are at least 70, with unique kebab-case ids and a one-line vector', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.vector).not.toMatch(/\n/);
    }
    expect(CLI_CASES.length).toBeGreaterThanOrEqual(10);
  });

  it('name known layers and a pass condition, and run a file that exists', () => {
    for (const c of CASES) {
      expect(Object.keys(LAYERS), c.id).toContain(c.layer);
      for (const l of c.also ?? []) expect(Object.keys(LAYERS), c.id).toContain(l);
      const { result, codes } = c.contained;
      expect(result !== undefined || (codes?.length ?? 0) > 0, c.id).toBeTruthy();
      expect(Object.keys(c.files), c.id).toContain(c.main ?? 'main.js');
    }
  });

  it.each(CASES.map((c) => [c.id, c] as const))('[%s] fails when the script got out', (_id, c) => {
    for (const o of escaped) expect(judge(c.contained, o), JSON.stringify(o)).not.toEqual([]);
  });
});
