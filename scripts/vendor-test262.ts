// `tsx scripts/vendor-test262.ts [<suite>] [--every N] [--also file…]`: copies a sample of test262's
// `test/language` (every Nth test in path order, plus the files named with --also) into
// test/fixtures/test262/, with the harness files they include, the suite's LICENSE and a README
// saying which commit. The vendored files are data; test/conformance/sample.test.ts runs them.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFrontmatter } from '../test/conformance/frontmatter';
import { DEFAULT_SUITE, listTests, suiteRoot } from '../test/conformance/suite';

const args = process.argv.slice(2);
const flag = (name: string): string[] => {
  const at = args.indexOf(name);
  return at < 0 ? [] : args.splice(at, args.length - at).slice(1);
};
const also = flag('--also');
const everyAt = args.indexOf('--every');
const every = everyAt < 0 ? 40 : Number(args.splice(everyAt, 2)[1]);
const { root, commit } = suiteRoot(args[0] ?? process.env.TEST262_DIR ?? DEFAULT_SUITE);
const out = 'test/fixtures/test262';

const all = listTests(root, 'test/language');
const picked = new Set([...all.filter((_, i) => i % every === 0), ...also]);
const harness = new Set(['assert.js', 'sta.js', 'doneprintHandle.js']);
rmSync(join(out, 'test'), { recursive: true, force: true });
rmSync(join(out, 'harness'), { recursive: true, force: true });
for (const file of picked) {
  const source = readFileSync(join(root, file), 'utf8');
  try {
    for (const inc of readFrontmatter(source).includes) harness.add(inc);
  } catch {
    // copied all the same: the runner counts it as unreadable
  }
  mkdirSync(dirname(join(out, file)), { recursive: true });
  copyFileSync(join(root, file), join(out, file));
}
mkdirSync(join(out, 'harness'), { recursive: true });
for (const h of harness) copyFileSync(join(root, 'harness', h), join(out, 'harness', h));
copyFileSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
writeFileSync(
  join(out, 'README.md'),
  `# test262 sample (data, not our code)

A sample of [test262](https://github.com/tc39/test262), the ECMAScript conformance suite, under its
own licence (\`LICENSE\`, BSD-style; Ecma International). Copied unchanged by
\`scripts/vendor-test262.ts\` from commit \`${commit ?? 'unknown'}\`: every ${every}th test of
\`test/language\` in path order (${picked.size - also.length} tests) plus ${also.length} chosen ones (tests that once failed traced),
${picked.size} in all, and the ${harness.size} harness files they include.

\`test/conformance/sample.test.ts\` runs them natively and traced in \`npm test\` (docs/CONFORMANCE.md).
`,
);
console.log(`vendored ${picked.size} tests and ${harness.size} harness files from ${commit ?? root}`);
