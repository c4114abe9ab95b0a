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

  it('reads a binary frame (top bit of the length) as a run/chunk with its run id and a copy of its bytes', () => {
    const frame = Buffer.alloc(4 + 4 + 3);
    frame.writeUInt32BE((0x80000000 | 7) >>> 0, 0);
    frame.writeUInt32BE(42, 4);
    frame.set([1, 2, 3], 8);
    const both = Buffer.concat([frame, encodeFrame({ a: 1 })]);
    const got: unknown[] = [];
    const reader = new FrameReader(1000);
    for (let i = 0; i < both.length; i += 2) {
      const r = reader.push(both.subarray(i, i + 2));
      if ('error' in r) throw new Error(r.error);
      got.push(...r.messages);
    }
    expect(got).toEqual([{ tag: 'run/chunk', id: 42, bytes: new Uint8Array([1, 2, 3]) }, { a: 1 }]);
  });

  it('refuses a binary frame over the bound, or too short to hold its run id', () => {
    const long = Buffer.alloc(4);
    long.writeUInt32BE((0x80000000 | 1001) >>> 0);
    expect(new FrameReader(1000).push(long)).toEqual({ error: 'a message of 1001 bytes, over 1000' });
    const short = Buffer.alloc(6);
    short.writeUInt32BE((0x80000000 | 2) >>> 0);
    expect(new FrameReader(1000).push(short)).toEqual({ error: 'a binary frame without its run id' });
  });
});
