import { describe, expect, it } from 'vitest';
import { DICTIONARY_V1 } from './dictionary';
import { checksum } from './inflate';

describe('[share] the format-1 dictionary', () => {
  it('is frozen: every s1 link was compressed against these exact bytes', () => {
    const bytes = new TextEncoder().encode(DICTIONARY_V1);
    expect({ length: bytes.length, checksum: checksum(bytes).toString(16) }).toEqual(PINNED);
  });
});

// Changing these numbers breaks every link ever shared: make a format 2 instead (docs/SHARING.md).
const PINNED = { length: 2300, checksum: '412a1a6e' };
