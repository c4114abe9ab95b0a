import type Graph from 'graphology';
import type { Context } from '../runtime/context';

/** graphology methods that change the graph; the event emitter's own methods are not among them. */
const MUTATING = /^(add|merge|update|drop|clear|set|remove|replace|import)/;
const EMITTER = new Set(['addListener', 'removeListener', 'removeAllListeners', 'setMaxListeners', 'prependListener']);

/** True for a method of `graph` that changes it (C-GRAPH1). */
export const isMutating = (name: string): boolean => MUTATING.test(name) && !EMITTER.has(name);

/**
 * The `graph` a module gets (C-GRAPH1): the run's graph, whose methods check the module's context
 * first — `write` on `graph` for those that change it, `read` for the others. A module holding both
 * gets the same checks: a permission may be dropped while it runs.
 */
export function guardGraph(graph: Graph, ctx: Context, changed: () => void = () => {}): Graph {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(graph, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (typeof value !== 'function' || typeof prop === 'symbol') return value;
      let method = bound.get(prop);
      if (!method) {
        const kind = isMutating(prop) ? 'write' : 'read';
        const fn = value as (...a: unknown[]) => unknown;
        // bound to the graph itself, so graphology's internals never go through the proxy; `arguments`
        // keeps the call's exact arity (graphology reads it) without copying it into an array
        method = function (this: unknown): unknown {
          ctx.require(kind, 'graph');
          // eslint-disable-next-line prefer-rest-params -- see above: the arity must pass through unchanged
          const result = fn.apply(target, arguments as unknown as unknown[]);
          if (kind === 'write') changed();
          return result;
        };
        bound.set(prop, method);
      }
      return method;
    },
    set(target, prop, value) {
      ctx.require('write', 'graph');
      const done = Reflect.set(target, prop, value);
      changed();
      return done;
    },
  });
}
