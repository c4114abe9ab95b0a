// docs/SECURITY.md lists every hostile case; this fails when its table is not what the cases give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC, withTable } from '../../scripts/security-table';

describe('docs/SECURITY.md', () => {
  it('lists every hostile case as test/hostile/cases.ts has it (regenerate: npx tsx scripts/security-table.ts)', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(withTable(doc)).toBe(doc);
  });

  it('keeps a section per layer for the layers’ own texts', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const heading of ['## The page', '## The executor', '## Network and consent', '## The compartment'])
      expect(doc.split('\n')).toContain(heading);
  });
});
