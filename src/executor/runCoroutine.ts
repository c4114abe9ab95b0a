import type { CoroutineBody } from '../kernel/coroutine';
import { io } from '../kernel/coroutine';
import type { Completion } from '../kernel/bus';
import type { RunRequest, RunResponse } from '../protocol/run';
import { Controller, type ControllerEnv } from './controller';

/** The payload of a `run` API request. */
export interface RunSubmission {
  /** The request. */
  request: RunRequest;
  /** Host hooks for this run. */
  env: ControllerEnv;
}

/**
 * The coroutine that serves a `run` request: init and prep run inside the coroutine; the module's
 * own execution is started here and awaited as `promise` AIO, so other coroutines keep running
 * while it waits on timers.
 */
export function* runCoroutine(sub: RunSubmission): CoroutineBody<RunResponse> {
  const c = new Controller(sub.request, sub.env);
  try {
    if (!c.init() || !c.prep()) return c.post();
  } catch (e) {
    // whatever the request, the caller gets a response, never a rejected run
    c.internalFailed(e);
    return c.post();
  }
  const settled: Promise<Completion> = c.main().then(
    () => ({ ok: true, value: undefined }),
    (error: unknown) => ({ ok: false, error }),
  );
  const outcome = yield* io<Completion>('promise', settled);
  if (!outcome.ok) c.mainFailed(outcome.error);
  return c.post();
}
