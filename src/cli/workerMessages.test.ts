import { describe, expect, it } from 'vitest';
import { checkWorkerMessage } from './workerMessages';

const done = { tag: 'run/done', id: 3, outcome: { body: '{"ok":true}', ok: true } };
const failed = { body: '{}', ok: false, error: { phase: 'limit', code: 'LIMIT_TIME' } };

describe('checkWorkerMessage', () => {
  it('takes each message of the protocol', () => {
    for (const m of [
      { tag: 'worker/ready', imports: ['graphology', '@scope/pkg'] },
      { tag: 'run/progress', id: 3, steps: 120 },
      done,
      { tag: 'run/done', id: 3, outcome: failed },
      { tag: 'debug/probed', results: { 'fs.writeFileSync': 'ERR_ACCESS_DENIED' } },
      { tag: 'run/chunk', id: 3, bytes: new Uint8Array(8) },
    ])
      expect(checkWorkerMessage(m)).toBe(m);
  });

  it('refuses unknown tags, missing or extra fields, wrong types and values out of range', () => {
    for (const m of [
      null,
      'run/done',
      [done],
      { tag: 'run/pwned', id: 3 },
      { tag: 'run/done', id: 3 },
      { ...done, extra: true },
      { ...done, id: -1 },
      { ...done, id: 1.5 },
      { ...done, id: '3' },
      { ...done, outcome: { body: 42, ok: true } },
      { ...done, outcome: { body: '', ok: 'yes' } },
      { ...done, outcome: { ...failed, error: { phase: 'pwned', code: 'X' } } },
      { ...done, outcome: { ...failed, error: { phase: 'limit', code: 'not a code' } } },
      { ...done, outcome: { ...failed, ok: true } },
      { tag: 'run/progress', id: 3, steps: Infinity },
      { tag: 'worker/ready', imports: ['../../etc'] },
      { tag: 'worker/ready', imports: Array.from({ length: 65 }, (_, i) => `p${i}`) },
      { tag: 'debug/probed', results: { x: 'y'.repeat(65) } },
      JSON.parse('{"tag":"run/progress","id":3,"steps":1,"__proto__":{"x":1}}'),
      // a chunk's bytes come only from a binary frame: JSON cannot make a Uint8Array
      JSON.parse('{"tag":"run/chunk","id":3,"bytes":{"0":1,"length":1}}'),
      { tag: 'run/chunk', id: 3, bytes: [1, 2] },
      { tag: 'run/chunk', id: -3, bytes: new Uint8Array(1) },
    ])
      expect(checkWorkerMessage(m)).toBeUndefined();
  });
});
