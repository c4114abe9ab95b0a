import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphFor } from '../../test/graphArbitraries';
import { FORMAT_CODES, FORMATS, readGraphText, writeGraphText } from './index';
import type { FormatId } from './types';

// CI-sized: 10,000 cases a format (FUZZ_RUNS=… for a longer hunt)
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CODES = new Set<string>(Object.values(FORMAT_CODES));
/** A message names where: a line, an element, an index or the part of the file that is missing. */
const WHERE =
  /line \d+|<[\w:.-]+[ >]|\[\d+\]|(node|edge) \d+|(node|edge) "|root element|<graph>|no "nodes"|"elements"|"edges"|options|no graph|unknown format|is not a string/;

/** Valid files of this format to damage: a few dozen small random graphs, written once. */
function validFiles(id: FormatId): string[] {
  const graphs = fc.sample(
    graphFor({
      types: ['directed', 'undirected'],
      nodeAttributes: true,
      values: 'scalars',
      edgeKeys: true,
      isolated: true,
    }),
    { numRuns: 40, seed: 12 },
    // small files: the damage matters, not the size, and 10,000 cases a format stay quick
  );
  return graphs.map((g) => writeGraphText(g, id).text);
}

/** A valid file damaged: cut, a slice dropped or doubled, characters put in. */
function damaged(files: string[]): fc.Arbitrary<string> {
  const junk = fc.string({ unit: fc.constantFrom(...'<>/"\'=,;\t\n{}[]:-#&\\ a1é'), maxLength: 6 });
  return fc
    .tuple(fc.constantFrom(...files), fc.nat(), fc.nat(), junk, fc.integer({ min: 0, max: 3 }))
    .map(([text, i, j, ins, op]) => {
      const a = i % (text.length + 1);
      const b = a + (j % 20);
      if (op === 0) return text.slice(0, a);
      if (op === 1) return text.slice(0, a) + text.slice(b);
      if (op === 2) return text.slice(0, b) + text.slice(a, b) + text.slice(b);
      return text.slice(0, a) + ins + text.slice(a);
    });
}

describe('fuzzing every reader', () => {
  for (const { id } of FORMATS) {
    it(
      `[F-FZ1] ${id}: any text is read or refused with a stable code that names where, quickly`,
      () => {
        const files = validFiles(id);
        let slowest = 0;
        fc.assert(
          fc.property(
            fc.oneof(
              { arbitrary: damaged(files), weight: 3 },
              fc.string({ maxLength: 200 }),
              fc.string({ unit: 'binary', maxLength: 60 }),
            ),
            (text) => {
              const t0 = performance.now();
              const r = readGraphText(text, { format: id });
              slowest = Math.max(slowest, performance.now() - t0);
              if (r.ok) {
                const keys = new Set(r.value.graph.nodes.map((n) => n.key));
                for (const e of r.value.graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
                return;
              }
              expect(CODES.has(r.error.code), r.error.message).toBe(true);
              expect(r.error.message).toMatch(/^formats\//);
              expect(r.error.message).toMatch(WHERE);
            },
          ),
          { numRuns: RUNS },
        );
        // no case near a freeze: every one of these small texts is read or refused within a second
        expect(slowest).toBeLessThan(1000);
      },
      Math.max(60_000, RUNS * 10),
    );
  }
});
