// The only code that touches the worker's `self`: it hosts the engine inside the sandbox (an
// opaque-origin iframe, `client/sandboxFrame.ts`) and answers the page's protocol.
import './processShim';
import { inspectPlayground } from '../executor/inspect';
import type { RunRequest } from '../protocol/run';
import { serveSandbox } from './sandboxServer';
// last: the engine's modules have loaded; now SES freezes the intrinsics, before any script runs
import './lockdown';

serveSandbox(self, () => ({
  inspect: (request: Pick<RunRequest, 'files' | 'main'>) => Promise.resolve(inspectPlayground(request)),
  ping: () => Promise.resolve('pong' as const),
}));
