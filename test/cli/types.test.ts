// The executor's answer has one definition, `protocol/executor.ts`, which every host that makes or
// reads it uses: these type tests hold each maker to it. Checked by `tsc -p tsconfig.node.json`
// (npm run typecheck); the tests themselves only run. The pool and its worker processes share their
// message types (`protocol/process.ts`), so those need no check of their own.
import { describe, expectTypeOf, it } from 'vitest';
import type { HostFailure } from '../../src/cli/failure';
import type { ColumnsTraceJson, ExecutorResponse, HeadlessApi, TraceJson } from '../../src/protocol/headless';
import type { toColumnsJson } from '../../src/tracer/traceColumns';
import type { toTraceJson } from '../../src/tracer/traceJson';
import type { headlessApi } from '../../src/worker/headlessApi';
import type { toExecutorResponse } from '../../src/worker/headlessResponse';

describe('the executor’s answer, one type for every host', () => {
  it('a failure the host makes has the form of the executor’s response', () => {
    expectTypeOf<HostFailure>().toExtend<ExecutorResponse>();
  });

  it('the worker builds the response and serves the headless API as the protocol declares them', () => {
    expectTypeOf<ReturnType<typeof toExecutorResponse>>().toEqualTypeOf<ExecutorResponse>();
    expectTypeOf<ReturnType<typeof headlessApi>>().toEqualTypeOf<HeadlessApi>();
  });

  it('both trace forms the host adds are the ones the response declares', () => {
    expectTypeOf<ReturnType<typeof toColumnsJson>>().toExtend<NonNullable<ExecutorResponse['trace']>>();
    expectTypeOf<ReturnType<typeof toTraceJson>>().toExtend<NonNullable<ExecutorResponse['trace']>>();
    expectTypeOf<ColumnsTraceJson | TraceJson>().toEqualTypeOf<NonNullable<ExecutorResponse['trace']>>();
  });
});
