import { deflateSync } from 'fflate';
import { err, type Result } from '../../shared/result';
import type { PlaygroundDoc } from '../state/doc';
import { fromBase64url, toBase64url } from './base64url';
import { ShapeError } from './check';
import { fromCompact, toCompact } from './compact';
import { DICTIONARY_V1 } from './dictionary';
import { shareError, type ShareError } from './errors';
import { checksum, inflateCapped } from './inflate';
import { LIMITS } from './limits';
import { validateDoc } from './validate';

/**
 * The newest link format this page reads. Format 2 is format 1 with breakpoints (`b`); a link
 * without breakpoints is still written as format 1, so pages that predate breakpoints open it.
 */
export const LINK_VERSION = 2;
/** What a payload of format 1 starts with. */
export const LINK_PREFIX = 's1.';
/** Bytes of the checksum in front of the deflate data. */
const CHECK_BYTES = 3;

const dictionary = new TextEncoder().encode(DICTIONARY_V1);

/**
 * A playground → the text after `#` of its link: `s1.` then base64url of [3-byte FNV-1a checksum of
 * the JSON][raw deflate of the compact JSON against the format's preset dictionary].
 */
export function encodeLink(doc: PlaygroundDoc): string {
  const compact = toCompact(doc);
  return packLink(new TextEncoder().encode(JSON.stringify(compact)), compact.b ? 2 : 1);
}

/** Any bytes → a fragment of format 1 (or 2), checksum and all: how tests make links that pass every layer but the next. */
export function packLink(json: Uint8Array, version: 1 | 2 = 1): string {
  const packed = deflateSync(json, { level: 9, mem: 12, dictionary });
  const bytes = new Uint8Array(CHECK_BYTES + packed.length);
  const sum = checksum(json);
  for (let i = 0; i < CHECK_BYTES; i++) bytes[i] = (sum >>> (8 * i)) & 255;
  bytes.set(packed, CHECK_BYTES);
  return `s${version}.${toBase64url(bytes)}`;
}

/**
 * The text after `#` (with or without the `#`) → a playground, or a clear refusal with a stable
 * code. Never throws; bounded: the text is capped at `LIMITS.linkChars`, the inflated data at
 * `LIMITS.docBytes` (reading stops there), and checking it is linear in its size.
 */
export function decodeLink(fragment: string): Result<PlaygroundDoc, ShareError> {
  try {
    return decode(fragment);
  } catch {
    return err(shareError('SHARE_CORRUPT', 'decode', 'This link is damaged and cannot be opened.'));
  }
}

function decode(fragment: string): Result<PlaygroundDoc, ShareError> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > LIMITS.linkChars) {
    return err(
      shareError(
        'SHARE_TOO_LONG',
        'decode',
        `This link is longer than ${LIMITS.linkChars.toLocaleString('en')} characters, more than Stepgraph ever makes.`,
      ),
    );
  }
  const head = /^s(\d{1,9})\./.exec(text);
  if (!head)
    return err(
      shareError('SHARE_NOT_A_LINK', 'decode', 'This is not a Stepgraph share link: it should start with #s1.'),
    );
  const version = Number(head[1]);
  if (version > LINK_VERSION) {
    return err(
      shareError(
        'SHARE_NEWER_VERSION',
        'decode',
        `This link was made by a newer Stepgraph (link format ${version}); this page reads format ${LINK_VERSION}. Reload to get the latest version.`,
      ),
    );
  }
  if (version < 1)
    return err(
      shareError(
        'SHARE_NOT_A_LINK',
        'decode',
        `This is not a Stepgraph share link: there is no link format ${version}.`,
      ),
    );
  const bytes = fromBase64url(text.slice(head[0].length));
  if (!bytes || bytes.length <= CHECK_BYTES)
    return err(
      shareError(
        'SHARE_BAD_ENCODING',
        'decode',
        'This link is damaged: it holds characters a Stepgraph link never has, or is cut short.',
      ),
    );
  const inflated = inflateCapped(bytes.subarray(CHECK_BYTES), dictionary, LIMITS.docBytes);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? err(
          shareError(
            'SHARE_TOO_LARGE',
            'decode',
            `This link unpacks to more than ${LIMITS.docBytes / 1024 / 1024} MB, more than a playground may hold.`,
          ),
        )
      : err(shareError('SHARE_CORRUPT', 'decode', 'This link is damaged or cut short: its data does not unpack.'));
  }
  let sum = 0;
  for (let i = 0; i < CHECK_BYTES; i++) sum |= (bytes[i] ?? 0) << (8 * i);
  if (sum !== (checksum(inflated.bytes) & 0xffffff))
    return err(shareError('SHARE_CORRUPT', 'decode', 'This link is damaged: its data fails its checksum.'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return err(shareError('SHARE_BAD_JSON', 'decode', 'This link is damaged: its data is not readable text.'));
  }
  if (version === 1 && typeof json === 'object' && json !== null && 'b' in json)
    return err(
      shareError(
        'SHARE_BAD_SHAPE',
        'decode',
        'This link does not hold a Stepgraph playground: b must be absent (unknown field).',
      ),
    );
  let doc: unknown;
  try {
    doc = fromCompact(json);
  } catch (e) {
    const why = e instanceof ShapeError ? e.message : 'its data cannot be read';
    return err(shareError('SHARE_BAD_SHAPE', 'decode', `This link does not hold a Stepgraph playground: ${why}.`));
  }
  return validateDoc(doc);
}
