/**
 * UTF-8 through the host's `TextEncoder`/`TextDecoder`, which every host of the core has (browsers,
 * workers, Node); typed here because the core is checked without DOM or Node typings.
 */
interface Codecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}

const { TextEncoder: Encoder, TextDecoder: Decoder } = globalThis as unknown as Codecs;
const encoder = new Encoder();
const decoder = new Decoder('utf-8', { fatal: true });

/** The UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** A string from UTF-8 bytes; throws on bytes that are not UTF-8. */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);
