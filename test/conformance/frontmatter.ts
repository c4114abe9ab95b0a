// A test262 test's metadata: the YAML between `/*---` and `---*/` (test262's INTERPRETING.md).
import { load } from 'js-yaml';

/** The metadata the runner acts on. */
export interface TestMeta {
  /** Harness files to load before the test, beside `assert.js` and `sta.js`. */
  includes: string[];
  /** `onlyStrict`, `noStrict`, `raw`, `module`, `async`, `generated`, `CanBlockIsFalse`… */
  flags: string[];
  /** Language features the test needs (`class-fields-private`, `Symbol.iterator`…). */
  features: string[];
  /** Set for a test that must fail: in which phase, with which error class. */
  negative?: { phase: 'parse' | 'resolution' | 'runtime'; type: string };
}

/** Metadata that could not be read: the test is reported, never guessed at. */
export class FrontmatterError extends Error {
  /** Stable code. */
  readonly code = 'CONFORMANCE_BAD_FRONTMATTER';
}

const strings = (v: unknown, field: string): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw new FrontmatterError(`conformance/frontmatter: "${field}" must be a list of names`);
  return v;
};

/** Reads a test's metadata; throws `FrontmatterError` (code CONFORMANCE_BAD_FRONTMATTER) when it is missing or malformed. */
export function readFrontmatter(source: string): TestMeta {
  const start = source.indexOf('/*---');
  const end = start < 0 ? -1 : source.indexOf('---*/', start + 5);
  if (start < 0 || end < 0) throw new FrontmatterError('conformance/frontmatter: no /*--- … ---*/ block');
  let data: unknown;
  try {
    data = load(source.slice(start + 5, end));
  } catch (e) {
    throw new FrontmatterError(`conformance/frontmatter: not YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new FrontmatterError('conformance/frontmatter: the block is not a mapping');
  const m = data as Record<string, unknown>;
  const meta: TestMeta = {
    includes: strings(m.includes, 'includes'),
    flags: strings(m.flags, 'flags'),
    features: strings(m.features, 'features'),
  };
  if (m.negative !== undefined) {
    const n = m.negative as { phase?: unknown; type?: unknown } | null;
    const phase = n?.phase;
    if ((phase !== 'parse' && phase !== 'resolution' && phase !== 'runtime') || typeof n?.type !== 'string')
      throw new FrontmatterError(
        'conformance/frontmatter: "negative" needs a phase (parse, resolution, runtime) and a type',
      );
    meta.negative = { phase, type: n.type };
  }
  return meta;
}
