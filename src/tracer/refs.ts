import { REF } from '../protocol/trace';

/** Refs of the constants (see REF in the trace schema). */
export const CONST = {
  UNDEFINED: 0 * 8 + REF.CONST,
  NULL: 1 * 8 + REF.CONST,
  FALSE: 2 * 8 + REF.CONST,
  TRUE: 3 * 8 + REF.CONST,
  NAN: 4 * 8 + REF.CONST,
  INFINITY: 5 * 8 + REF.CONST,
  MINUS_INFINITY: 6 * 8 + REF.CONST,
  MINUS_ZERO: 7 * 8 + REF.CONST,
} as const;

/** Largest integer kept inside a ref. */
export const MAX_INLINE_INT = 2 ** 28 - 1;

/** A ref's tag. */
export const tagOf = (ref: number): number => ref & 7;
/** A ref's payload. */
export const payloadOf = (ref: number): number => (ref - (ref & 7)) / 8;
/** Builds a ref. */
export const makeRef = (payload: number, tag: number): number => payload * 8 + tag;
