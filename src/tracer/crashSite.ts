// T-SYN2: should the instrumenter fail on some construct (a bug), the run says which construct and
// where, instead of a bare internal error. Each visitor records the node it is working on.
import type * as t from '@babel/types';
import type { NodePath, Visitor } from './babel';

let current: NodePath | undefined;

type Handler = (this: unknown, path: NodePath, state: unknown) => void;

const wrap = (f: Handler): Handler =>
  function (path, state) {
    current = path;
    f.call(this, path, state);
  };

/** The same visitors, each first noting the node it works on (for `crashSite`). */
export function tracked<S>(visitors: Visitor<S>): Visitor<S> {
  const out: Record<string, unknown> = {};
  for (const [key, h] of Object.entries(visitors) as Array<[string, unknown]>) {
    if (typeof h === 'function') out[key] = wrap(h as Handler);
    else
      out[key] = Object.fromEntries(Object.entries(h as Record<string, Handler>).map(([phase, f]) => [phase, wrap(f)]));
  }
  return out as Visitor<S>;
}

/** Forgets the node noted last (a new file is about to be instrumented). */
export function resetCrashSite(): void {
  current = undefined;
}

/** The construct the instrumenter worked on last, and its place in the user's source (its nearest part that has one). */
export function crashSite(): { construct: string; line: number; column: number } {
  const path = current;
  const placed = path && (path.node.loc ? path : path.findParent((p) => p.node.loc != null));
  const loc = (placed?.node as t.Node | undefined)?.loc?.start;
  return { construct: path?.node.type ?? 'the file', line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
}
