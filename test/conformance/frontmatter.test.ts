import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontmatterError, readFrontmatter } from './frontmatter';
import { planTest } from './plan';

const test262 = (yaml: string, body = 'assert(true);') => `// Copyright\n/*---\n${yaml}\n---*/\n${body}\n`;
const harness = (name: string) => `/* ${name} */`;

describe('test262 frontmatter', () => {
  it('[T-CONF1] reads includes, flags, features and a negative expectation', () => {
    const meta = readFrontmatter(
      test262(
        'description: |\n  two\n  lines\nincludes: [compareArray.js]\nflags: [async, onlyStrict]\nfeatures: [class]\nnegative:\n  phase: parse\n  type: SyntaxError',
      ),
    );
    expect(meta).toEqual({
      includes: ['compareArray.js'],
      flags: ['async', 'onlyStrict'],
      features: ['class'],
      negative: { phase: 'parse', type: 'SyntaxError' },
    });
  });

  it('[T-CONF1] malformed metadata is refused with CONFORMANCE_BAD_FRONTMATTER', () => {
    for (const bad of [
      'assert(true);',
      '/*--- flags: [a ---*/',
      test262('flags: onlyStrict'),
      test262('- a list'),
      test262('negative:\n  phase: later\n  type: SyntaxError'),
      test262('negative:\n  phase: parse'),
    ]) {
      expect(() => readFrontmatter(bad), bad).toThrow(FrontmatterError);
      try {
        readFrontmatter(bad);
      } catch (e) {
        expect((e as FrontmatterError).code).toBe('CONFORMANCE_BAD_FRONTMATTER');
      }
    }
  });

  it('[T-CONF1] fuzzed: any text gives metadata or a FrontmatterError, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `/*---\n${s}\n---*/`),
        ),
        (text) => {
          try {
            const m = readFrontmatter(text);
            expect(Array.isArray(m.flags) && Array.isArray(m.includes)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(FrontmatterError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('[T-CONF1] exclusions by reason; the harness, $DONE and the async epilogue are put around the test', () => {
    const plan = (yaml: string, body?: string) =>
      planTest(test262(yaml, body), readFrontmatter(test262(yaml, body)), harness);
    expect(plan('flags: [noStrict]')).toEqual({
      excluded: 'sloppy mode only (scripts are module code, always strict)',
    });
    expect(plan('flags: [module]', "import { x } from './x_FIXTURE.js';")).toEqual({
      excluded: 'module loading (imports other files)',
    });
    expect(plan('flags: []', '$262.detachArrayBuffer(b);')).toEqual({ excluded: '$262 host hooks' });
    const async = plan('flags: [async]\nincludes: [asyncHelpers.js]');
    expect('script' in async && async.script).toMatch(
      /\/\* assert\.js \*\/\n\/\* sta\.js \*\/\n\/\* doneprintHandle\.js \*\/\n\/\* asyncHelpers\.js \*\/[\s\S]*assert\(true\);[\s\S]*export default \$262\$printed;/,
    );
    expect(plan('negative:\n  phase: runtime\n  type: TypeError')).toMatchObject({
      expect: { kind: 'runtime', type: 'TypeError' },
    });
  });
});
