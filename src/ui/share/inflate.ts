import { Inflate } from 'fflate';

/** What a bounded inflate gives back. */
export type InflateOutcome =
  | { ok: true; bytes: Uint8Array }
  /** `corrupt`: not a whole deflate stream; `too-large`: stopped once the output passed the cap. */
  | { ok: false; reason: 'corrupt' | 'too-large' };

/** Input is fed in slices this big, so one slice can expand to at most ~1 MB (deflate's 1:1032). */
const SLICE = 1024;

/**
 * Inflates raw deflate `data` (compressed against `dictionary`), reading the output as it streams
 * and stopping as soon as it passes `maxBytes`: a decompression bomb costs at most about
 * `maxBytes` + 1 MB of memory and the time to produce it, never its full size.
 */
export function inflateCapped(data: Uint8Array, dictionary: Uint8Array, maxBytes: number): InflateOutcome {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let done = false;
  const inflate = new Inflate({ dictionary }, (chunk, final) => {
    size += chunk.length;
    if (size > maxBytes) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length && !over; at += SLICE) {
      inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return over ? { ok: false, reason: 'too-large' } : { ok: false, reason: 'corrupt' };
  }
  if (over) return { ok: false, reason: 'too-large' };
  if (!done) return { ok: false, reason: 'corrupt' };
  const bytes = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes };
}

/** FNV-1a, 32 bits: a cheap check that the inflated bytes are the ones that were deflated. */
export function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}
