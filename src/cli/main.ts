// `stepgraph`: the headless executor's command line (docs/EXECUTOR.md). Built into dist-cli/ and
// started by bin/stepgraph.js; each run happens in a worker process hosting the same engine as the page.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT_CODES } from './failure';
import { HELP } from './help';
import { makePool } from './runPool';
import { NUMBER_FLAGS, resolveSettings, UsageError } from './settings';
import { packageVersion } from './version';

const LIMIT_FLAGS = ['time-limit-ms', 'step-limit', 'memory-limit-mb', 'allow-net'];
const SERVE_FLAGS = ['host', 'allow-origin', ...Object.keys(NUMBER_FLAGS).filter((f) => !LIMIT_FLAGS.includes(f))];

/** Parses the command line and runs the command; resolves with the exit code (`serve` never resolves until it is stopped). */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
      pretty: { type: 'boolean' },
      junit: { type: 'string' },
      'trace-file': { type: 'string' },
      host: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'allow-net': { type: 'string', multiple: true },
      ...Object.fromEntries(Object.keys(NUMBER_FLAGS).map((f) => [f, { type: 'string' as const }])),
    },
  });
  if (values.help) return print(HELP);
  if (values.version) return print(`${packageVersion()}\n`);
  const [command, ...extra] = positionals;
  const given = Object.keys(values);
  const misplaced = (allowed: string[]): string | undefined => given.find((f) => !allowed.includes(f));
  if (command === 'grade') {
    const wrong = misplaced([...LIMIT_FLAGS, 'workers', 'pretty', 'junit']);
    if (wrong) throw new UsageError(`cli/main: --${wrong} is not an option of grade`);
    const [exercise, ...submissions] = extra;
    if (!exercise || submissions.length === 0)
      throw new UsageError('cli/main: grade needs an exercise file and at least one submission (file or folder)');
    // loaded only by grade: `stepgraph run` starts without it
    const { gradeCommand } = await import('./grade/grade');
    const junit = values.junit;
    return gradeCommand(resolveSettings(values, process.env), install(), {
      exercise,
      submissions,
      ...(junit ? { junit } : {}),
    });
  }
  if (extra.length > 0) throw new UsageError(`cli/main: unexpected argument "${extra[0]}"`);
  if (values.junit !== undefined) throw new UsageError('cli/main: --junit is an option of grade');
  if (command === 'run') {
    const wrong = misplaced([...LIMIT_FLAGS, 'pretty', 'trace-file']);
    if (wrong) throw new UsageError(`cli/main: --${wrong} is an option of serve, not run`);
    const settings = resolveSettings(values, process.env);
    // the worker process starts loading the engine first: the rest of the command loads meanwhile
    const pool = makePool(settings, install().distDir, 1, 0, 1);
    const { runCommand } = await import('./run');
    return runCommand(settings, install(), pool, values['trace-file']);
  }
  if (command === 'serve') {
    const wrong = misplaced([...LIMIT_FLAGS, ...SERVE_FLAGS]);
    if (wrong) throw new UsageError(`cli/main: --${wrong} is an option of run, not serve`);
    const { serveCommand } = await import('./serve');
    return serveCommand(resolveSettings(values, process.env), install());
  }
  throw new UsageError(
    command ? `cli/main: unknown command "${command}"` : 'cli/main: say which command: run, serve or grade',
  );
}

/** This build's version and folder (main.ts is always built into `dist-cli/stepgraph.js`). */
const install = () => ({ version: packageVersion(), distDir: fileURLToPath(new URL('.', import.meta.url)) });

function print(text: string): number {
  process.stdout.write(text);
  return EXIT_CODES.ok;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    const usage = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`stepgraph: ${(e as Error).message ?? String(e)}\n${usage ? 'Try stepgraph --help.\n' : ''}`);
    process.exitCode = usage ? EXIT_CODES.usage : EXIT_CODES.internal;
  },
);
