import type { RunErrorCode } from '../protocol/codes';
import { closeSync, openSync, writeSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import type { HeadlessOutcome } from '../protocol/process';
import { exitCodeOf, HOST_CODES, hostFailure } from './failure';
import type { Pool } from './pool';
import { parseRequest } from './request';
import type { Install } from './runPool';
import type { Settings } from './settings';
import { TraceFileStream } from './traceFileStream';
import { withTrace } from './traceOutput';

/**
 * `stepgraph run`: one request on stdin, one response on stdout; resolves with the exit code. `pool`
 * (of one worker, `runPool.ts`) is already starting: its worker loads the engine while the request is
 * read and checked. With
 * `traceFile`, the trace is written there as the run goes (a trace file) and the response has none.
 */
export async function runCommand(
  settings: Settings,
  { version }: Install,
  pool: Pool,
  traceFile?: string,
): Promise<number> {
  let outcome: HeadlessOutcome;
  try {
    const input = await text(process.stdin);
    const caps = { timeLimitMs: settings.timeLimitMs, stepLimit: settings.stepLimit };
    const parsed = parseRequest(input, caps, settings.allowNet);
    const indent = settings.pretty ? 2 : 0;
    const refuse = (error: { code: RunErrorCode; message: string }): HeadlessOutcome =>
      withTrace(
        hostFailure({ phase: 'init', ...error }, { version, trace: 'columns', indent, limits: caps }),
        'columns',
        indent,
      );
    if (!parsed.ok) {
      outcome = refuse(parsed.error);
    } else if (parsed.value.trace === 'file' && traceFile === undefined) {
      outcome = refuse({
        code: HOST_CODES.BAD_REQUEST,
        message: 'cli/run: "trace": "file" is for serve; stepgraph run writes a trace file with --trace-file PATH',
      });
    } else {
      const fd = traceFile === undefined ? undefined : openSync(traceFile, 'w');
      const file = fd === undefined ? undefined : new TraceFileStream((bytes) => writeSync(fd, bytes));
      const trace = file ? 'file' : parsed.value.trace;
      file?.start(parsed.value.request);
      // a fresh pool of one has its worker free: the request is accepted
      const ticket = pool.submit(parsed.value, { version, trace, indent }, file && ((b) => file.chunk(b)))!;
      outcome = await ticket.outcome;
      if (fd !== undefined) {
        file?.end(outcome.body);
        closeSync(fd);
      }
    }
  } finally {
    // also when the trace file cannot be written: the worker must not keep the command alive
    pool.close();
  }
  await write(`${outcome.body}\n`);
  return exitCodeOf(outcome);
}

/** Writes to stdout and waits until it is flushed (a pipe may be slower than the process's exit). */
function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(s, (e) => (e ? reject(e) : resolve())));
}
