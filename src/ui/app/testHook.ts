// End-to-end tests reach the page's engine through this hook, as they reach the graph view through
// `window.__cy`: `window.__stepgraph.run(request)` runs a request on the page's own client (the
// same sandbox and worker as the Run button) and answers with a plain summary that crosses into the
// test. It gives a page nothing it could not do itself: any page script can start a run.
import { ClientError, type StepgraphClient } from '../../client/client';
import { TraceAssembler } from '../../tracer/assemble';
import { terminated } from '../state/terminated';
import type { RunRequest } from '../../protocol/run';
import type { TraceValue } from '../../protocol/trace';

/** How a run ended, as plain data. */
export interface HookOutcome {
  /** The main module finished without error. */
  ok: boolean;
  /** The error's stable code when it did not (`CLIENT_TERMINATED` when the client had to end the worker). */
  code?: string;
  /** The error's line in the user's source, when known. */
  line?: number;
  /** The main module's result, when it finished. */
  result?: TraceValue;
  /** Steps recorded, or -1 when the response was lost. */
  steps: number;
  /** The response carries every recorded step. */
  traced: boolean;
  /** Everything printed, one line per call: standard output, then standard error. */
  output: string;
}

/** What `window.__stepgraph` holds. */
export interface TestHook {
  /** Runs `request` on the page's client. */
  run(request: RunRequest): Promise<HookOutcome>;
}

async function summarize(client: StepgraphClient, request: RunRequest): Promise<HookOutcome> {
  // what the page keeps of a run it had to end: the chunks that arrived, as the store does
  const received = new TraceAssembler();
  let reported = 0;
  try {
    const r = await client.run(request, {
      onProgress: (p) => {
        reported = Math.max(reported, p.steps);
        if (p.chunk) received.add(p.chunk);
      },
    });
    const lines = (stream: 'stdout' | 'stderr'): string =>
      r.trace.output
        .filter((o) => o.stream === stream)
        .map((o) => `${o.text}\n`)
        .join('');
    return {
      ok: r.ok,
      ...(r.error ? { code: r.error.code } : {}),
      ...(r.error?.line !== undefined ? { line: r.error.line } : {}),
      ...(r.ok ? { result: r.result } : {}),
      steps: r.stats.steps,
      traced: r.trace.stepCount === r.stats.steps,
      output: lines('stdout') + lines('stderr'),
    };
  } catch (e) {
    if (!(e instanceof ClientError)) return { ok: false, code: 'CLIENT_ERROR', steps: -1, traced: false, output: '' };
    // the code the page shows (the budget ignored, a stop); traced when every step the run reported arrived
    const steps = received.steps;
    const output = received
      .trace()
      .output.map((o) => `${o.text}\n`)
      .join('');
    return { ok: false, code: terminated(e).code, steps, traced: steps >= reported, output };
  }
}

/** Publishes `window.__stepgraph` over `client`; returns the client, for the store. */
export function withTestHook<C extends StepgraphClient>(client: C): C {
  const hook: TestHook = { run: (request) => summarize(client, request) };
  (window as unknown as { __stepgraph?: TestHook }).__stepgraph = hook;
  return client;
}
