// base64url without padding (RFC 4648 §5): the only characters a URL fragment keeps as they are.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Bytes → base64url text, unpadded. */
export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * base64url text → bytes, or undefined when the text holds a character outside the alphabet or has
 * a length (4k + 1) that no encoder produces. Strict on purpose: a damaged link fails here, early.
 */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chars = Math.min(4, text.length - i);
    for (let k = 0; k < 4; k++) {
      const code = k < chars ? text.charCodeAt(i + k) : 65; // 'A' = 0 pads the last group
      const v = code < 128 ? (VALUE[code] ?? -1) : -1;
      if (v < 0) return undefined;
      n = (n << 6) | v;
    }
    for (let k = 0; k < chars - 1; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out;
}
