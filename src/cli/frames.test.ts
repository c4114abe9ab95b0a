import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameReader } from './frames';

describe('frames from a worker', () => {
  it('reads messages split anywhere across chunks, several per chunk', () => {
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame({ b: 'ü'.repeat(10) }), encodeFrame([3])]);
    const reader = new FrameReader(1000);
    const got: unknown[] = [];
    for (let i = 0; i < bytes.length; i += 3) {
      const r = reader.push(bytes.subarray(i, i + 3));
      if ('error' in r) throw new Error(r.error);
      got.push(...r.messages);
    }
    expect(got).toEqual([{ a: 1 }, { b: 'ü'.repeat(10) }, [3]]);
  });

  it('refuses a frame longer than the bound from its length alone, before its bytes arrive', () => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(1001);
    expect(new FrameReader(1000).push(head)).toEqual({ error: 'a message of 1001 bytes, over 1000' });
  });

  it('refuses a frame that is not JSON', () => {
    const text = Buffer.from('{"tag":');
    const head = Buffer.alloc(4);
    head.writeUInt32BE(text.length);
    expect(new FrameReader(1000).push(Buffer.concat([head, text]))).toEqual({ error: 'a message that is not JSON' });
  });
});
