// The types each side of the Node worker boundary declares for itself must agree: client/ and
// cli/ may not import worker/ or tracer/ (eslint.config.js), so they declare the shapes they use.
// Checked by `tsc -p tsconfig.node.json` (npm run typecheck); the test itself only runs.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  HeadlessApi as ClientSide,
  HeadlessOutcome as ClientOutcome,
  HeadlessRunOptions as ClientOptions,
} from '../../src/client/nodeWorkerClient';
import type { HostFailure } from '../../src/cli/failure';
import type {
  HeadlessApi as WorkerSide,
  HeadlessOutcome as WorkerOutcome,
  HeadlessRunOptions as WorkerOptions,
} from '../../src/worker/headlessApi';
import type { ExecutorResponse } from '../../src/worker/headlessResponse';

describe('the Node worker boundary', () => {
  it('the worker exposes what the client calls, with the same options and answers', () => {
    expectTypeOf<WorkerSide>().toExtend<ClientSide>();
    expectTypeOf<ClientOptions>().toEqualTypeOf<WorkerOptions>();
    expectTypeOf<ClientOutcome>().toEqualTypeOf<WorkerOutcome>();
  });

  it('a failure the host makes has the form of the executor’s response', () => {
    expectTypeOf<HostFailure>().toExtend<ExecutorResponse>();
  });
});
