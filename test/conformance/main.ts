// `npm run conformance [-- <suite> [<folder>] [--every N] [--json <file>]]`: every test262 test under `test/language`
// (or the folder given), natively and traced, in two worker processes. The suite is TEST262_DIR, an
// argument, or the machine's mirror. docs/CONFORMANCE.md.
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatSummary, summarize } from './report';
import type { TestResult } from './runTest';
import { DEFAULT_SUITE, listTests, suiteRoot } from './suite';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const everyAt = args.indexOf('--every');
/** `--every N` runs every Nth test in path order: a quicker, still spread-out measure. */
const every = everyAt < 0 ? 1 : Number(args.splice(everyAt, 2)[1]);
const given = args[0] ?? process.env.TEST262_DIR ?? DEFAULT_SUITE;
const folder = args[1] ?? 'test/language';
const WORKERS = Number(process.env.CONFORMANCE_WORKERS ?? 2);
/** A test that answers in neither engine within this is recorded as hung, and its worker replaced. */
const HUNG_MS = 60_000;

const { root, commit } = suiteRoot(given);
const files = listTests(root, folder).filter((_, i) => i % every === 0);
const results: TestResult[] = [];
const started = performance.now();
let next = 0;
const host = fileURLToPath(new URL('../../bench/host/register.mjs', import.meta.url));

function startWorker(): Promise<void> {
  return new Promise((done) => {
    const child: ChildProcess = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [root], {
      execArgv: ['--import', 'tsx', '--import', host, '--stack-size=4000'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let current: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const give = (): void => {
      clearTimeout(timer);
      if (next >= files.length) {
        current = undefined;
        child.kill();
        return;
      }
      current = files[next++] as string;
      timer = setTimeout(() => child.kill('SIGKILL'), HUNG_MS);
      child.send(current);
    };
    child.on('message', (m: 'ready' | TestResult) => {
      if (m !== 'ready') {
        results.push(m);
        // a traced failure is said at once, so a long run can be acted on before it ends
        if (m.native?.pass && !m.traced?.pass)
          process.stderr.write(`traced failure: ${m.file}: ${m.traced?.outcome}\n`);
        if (results.length % 1000 === 0) process.stderr.write(`${results.length}/${files.length}\n`);
      }
      give();
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (current !== undefined) {
        // killed by the watchdog or crashed on this test: record it, go on with a new worker
        results.push({ file: current, native: { pass: false, outcome: 'worker hung or crashed' } });
        void startWorker().then(done);
      } else done();
    });
  });
}

await Promise.all(Array.from({ length: WORKERS }, () => startWorker()));
results.sort((a, b) => (a.file < b.file ? -1 : 1));
const summary = summarize(results);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
const part = every === 1 ? '' : `, one test in ${every}`;
console.log(formatSummary(summary, `${folder} at ${commit ?? root}${part} (${seconds} s, ${WORKERS} workers)`));
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 1));
