import type Graph from 'graphology';
import type { Context } from '../runtime/context';
import type { Recorder } from '../tracer/recorder';
import { Probe } from '../tracer/probe';
import type { CompiledFile } from '../tracer/instrument';
import { capturingConsole } from './layers';
import { confinedScope, type ScopeFactory } from './confine';
import { RUN_CODES } from './errorCodes';
import { StepgraphError } from '../shared/errors';
import type { TraceApi } from './traceApi';

/** What a running module can reach of the run around it. */
export interface ModuleServices {
  /** The shared recorder. */
  recorder: Recorder;
  /** The run's graph, as this module may use it (its permissions checked). */
  graph: Graph;
  /** The run's `Math`, whose `random` is seeded once per run and shared by all its modules. */
  math: Math;
  /** The `trace` global: explicit annotations. */
  trace: TraceApi;
  /** Makes the instance's global scope (default: a fresh SES compartment). */
  scope?: ScopeFactory;
  /** Identifies the module instance: its files share one compartment (one global scope), as modules share a realm. */
  instance: object;
  /** The context of the module instance this file runs in (an imported file runs in its importer's). */
  context: Context;
  /** A context check before the step that makes `steps` run-wide: charges and throws when a budget trips. */
  check(steps: number): void;
  /** The run-wide step count at which this module's step budget runs out. */
  readonly stepCap: number;
  /** This module's code is about to run again (C-CPU1): what runs next is charged to it. */
  enter(): void;
  /** This module's code is about to wait (an `await`): its stretch of CPU time ends now. */
  pause(): void;
  /** The script threw where nothing can catch it (a timer callback): the module fails with it. */
  uncaught(error: unknown): void;
  /** Loads another module's exports for `import`. */
  load(specifier: string): Promise<object>;
  /** Waits `ms` through the kernel's timers. */
  sleep(ms: number): Promise<void>;
  /** The script's `spawn(file, input, options)`. */
  spawn(file: unknown, input: unknown, options: unknown): Promise<unknown>;
  /** The script's `fetch(url, init)`. */
  fetch(url: unknown, init: unknown): Promise<unknown>;
}

/** Each module instance's global scope: a fresh compartment, made when its first file starts. */
const scopes = new WeakMap<object, (source: string) => unknown>();

const CHECK_EVERY = 1024;
/** Aim for a check every few milliseconds, however long a step takes, so time limits and stops land on time. */
const CHECK_MS = 8;

/**
 * Evaluates a compiled file as one module instance under `context`, and returns its exports
 * once its body has finished (top-level await included).
 */
export async function evaluate(
  file: CompiledFile,
  module: number,
  s: ModuleServices,
  /** The module's exports object, which importers in a cycle may hold before the body has run. */
  exports: Record<string, unknown> = Object.create(null) as Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const context = s.context;
  // start often and back off while steps are fast: the first steps may already be slow ones
  let every = 16;
  let lastLeft = context.remainingMs();
  const probe = new Probe(s.recorder, {
    module,
    exports,
    get checkEvery() {
      return every;
    },
    get stepCap() {
      return s.stepCap;
    },
    check: (steps) => {
      s.check(steps);
      // slow steps (big untraced work in one statement) get checked more often, fast ones less
      const left = context.remainingMs();
      const spent = lastLeft - left;
      lastLeft = left;
      if (spent > 2 * CHECK_MS) every = Math.max(1, every >> 1);
      else if (spent < CHECK_MS / 2) every = Math.min(CHECK_EVERY, every << 1);
    },
    load: (spec) => s.load(spec),
    aborted: () => context.cancelled,
    resumed: () => s.enter(),
    paused: () => s.pause(),
  });
  // a stopped module's code never runs again: its next step checks (and throws), and its sleeps never end
  context.onTeardown(() => probe.abort());
  const sleep = async (ms: number): Promise<void> => {
    // no timer outlives the run's time budget, so nothing keeps the kernel busy after the run;
    // a timer cut short (or fired a little early) sleeps again for the rest
    for (let left = Number(ms) || 0; ;) {
      const part = Math.min(left, context.remainingMs() + 1);
      await s.sleep(part);
      if (context.cancelled) return new Promise<void>(() => {});
      context.check();
      left -= part;
      if (!(left > 0)) break;
    }
    s.enter();
  };
  const [setTimeout, clearTimeout] = kernelTimers(sleep, s.enter, s.uncaught);
  const globals = Object.freeze({
    graph: s.graph,
    trace: s.trace,
    console: Object.freeze(capturingConsole(s.recorder)),
    sleep: Object.freeze((ms: number) => handled(sleep(ms))),
    spawn: Object.freeze((file: unknown, input: unknown, options: unknown) =>
      resumed(s.spawn(file, input, options), s.enter),
    ),
    fetch: Object.freeze((url: unknown, init: unknown) => resumed(s.fetch(url, init), s.enter)),
    Math: s.math,
    setTimeout,
    clearTimeout,
  });
  let scope = scopes.get(s.instance);
  if (!scope) scopes.set(s.instance, (scope = (s.scope ?? confinedScope)(globals)));
  await entryOf(file, scope)(probe);
  return exports;
}

/**
 * The compiled file as a function of the probe, evaluated in its module instance's compartment. The probe is a parameter of a wrapper the script cannot name (the instrumenter refuses the
 * reserved names), and the body is an ordinary async function called with no `this`, as a module's top level.
 */
function entryOf(file: CompiledFile, scope: (source: string) => unknown): (probe: Probe) => Promise<void> {
  try {
    return scope(`(__sg) => (async function () {\n${file.code}\n}).call(undefined)`) as (probe: Probe) => Promise<void>;
  } catch (e) {
    // the user's source parsed, so this is the instrumenter's fault, not the script's
    throw new StepgraphError(
      RUN_CODES.INTERNAL,
      `executor/evaluate: the instrumented ${file.file} does not compile: ${String(e)}`,
    );
  }
}

/** A promise given to a script: a rejection it never awaits is not an unhandled one in the host. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** `p`, entering the module again when it settles: the code that goes on after the wait is the module's. */
function resumed<T>(p: Promise<T>, enter: () => void): Promise<T> {
  return handled(
    p.then(
      (v) => {
        enter();
        return v;
      },
      (e: unknown) => {
        enter();
        throw e;
      },
    ),
  );
}

/**
 * `setTimeout` and `clearTimeout` on the kernel's timers (through the module's `sleep`), not the host's:
 * a callback then obeys the run's time limit and never fires after the module is stopped.
 */
function kernelTimers(
  sleep: (ms: number) => Promise<void>,
  enter: () => void,
  uncaught: (error: unknown) => void,
): [setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => number, clearTimeout: (id?: number) => void] {
  const pending = new Set<number>();
  let next = 1;
  const set = (fn: unknown, ms?: number, ...args: unknown[]): number => {
    const id = next++;
    pending.add(id);
    void sleep(Number(ms) || 0).then(
      () => {
        if (!pending.delete(id) || typeof fn !== 'function') return;
        enter();
        try {
          (fn as (...a: unknown[]) => void)(...args);
        } catch (e) {
          uncaught(e);
        }
      },
      // the run hit its time limit first: the callback is dropped, as the run is over
      () => pending.delete(id),
    );
    return id;
  };
  const clear = (id?: number): void => void pending.delete(Number(id));
  return [Object.freeze(set), Object.freeze(clear)];
}
