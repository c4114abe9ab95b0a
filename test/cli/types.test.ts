// The response a host makes itself must have the executor's form: cli/ may not import worker/
// (eslint.config.js), so it declares the shape it uses. Checked by `tsc -p tsconfig.node.json`
// (npm run typecheck); the test itself only runs. The pool and its worker processes share their
// message types (`protocol/process.ts`), so those need no check of their own.
import { describe, expectTypeOf, it } from 'vitest';
import type { HostFailure } from '../../src/cli/failure';
import type { ExecutorResponse } from '../../src/worker/headlessResponse';

describe('the worker process boundary', () => {
  it('a failure the host makes has the form of the executor’s response', () => {
    expectTypeOf<HostFailure>().toExtend<ExecutorResponse>();
  });
});
