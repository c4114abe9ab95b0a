import { text } from 'node:stream/consumers';
import type { HeadlessOutcome } from '../client/nodeWorkerClient';
import { exitCodeOf, hostFailure } from './failure';
import { Pool } from './pool';
import { parseRequest } from './request';
import type { Settings } from './settings';
import { threadFactory } from './threads';

/** Slack past the time limit before a run that never reaches a check has its thread terminated. */
export const WATCHDOG_SLACK_MS = 1000;

/** `stepgraph run`: one request on stdin, one response on stdout; resolves with the exit code. */
export async function runCommand(settings: Settings, version: string): Promise<number> {
  const input = await text(process.stdin);
  const caps = { timeLimitMs: settings.timeLimitMs, stepLimit: settings.stepLimit };
  const parsed = parseRequest(input, caps);
  const indent = settings.pretty ? 2 : 0;
  let outcome: HeadlessOutcome;
  if (!parsed.ok) {
    outcome = hostFailure({ phase: 'init', ...parsed.error }, { version, trace: 'steps', indent, limits: caps });
  } else {
    const pool = new Pool({
      size: 1,
      queue: 0,
      memoryLimitMb: settings.memoryLimitMb,
      slackMs: WATCHDOG_SLACK_MS,
      makeThread: threadFactory(settings.memoryLimitMb),
    });
    // a fresh pool of one has its thread free: the request is accepted
    const ticket = pool.submit(parsed.value, { version, trace: parsed.value.trace, indent })!;
    outcome = await ticket.outcome;
    pool.close();
  }
  await write(`${outcome.body}\n`);
  return exitCodeOf(outcome);
}

/** Writes to stdout and waits until it is flushed (a pipe may be slower than the process's exit). */
function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(s, (e) => (e ? reject(e) : resolve())));
}
