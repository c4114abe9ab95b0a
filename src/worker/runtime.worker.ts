// The only code that touches the worker's `self`: it hosts the engine inside the sandbox (an
// opaque-origin iframe, `client/sandboxFrame.ts`) and answers the page's protocol.
import './processShim';
import { compilePlayground } from '../executor/compileCache';
import { inspectPlayground } from '../executor/inspect';
import type { RunRequest } from '../protocol/run';
import { serveSandbox } from './sandboxServer';
// last: the engine's modules have loaded; now SES freezes the intrinsics, before any script runs
import './lockdown';

serveSandbox(self, () => ({
  inspect: (request: Pick<RunRequest, 'files' | 'main'>) => Promise.resolve(inspectPlayground(request)),
  ping: () => Promise.resolve('pong' as const),
}));

/** A few lines in the syntax scripts use, compiled once while the sandbox waits for its first run. */
const WARM_UP = `const seen = new Set<string>();
const queue: string[] = ['a'];
for (const [i, x] of queue.entries()) { if (!seen.has(x)) seen.add(x); else continue; queue.push(x + i); }
class Q { #a = 1; get b() { return this.#a; } }
export default async function f({ n = 1 }: { n?: number }) { return n > 0 ? new Q().b : await f({ n: n - 1 }); }`;

// the parser, instrumenter and type stripper get their first (slow, unoptimised) pass here rather
// than under the person's first Run; the sandbox is fresh for each run, so this runs each time
setTimeout(() => compilePlayground({ 'warm-up.ts': WARM_UP }, 'warm-up.ts'), 0);
