import type Graph from 'graphology';
import type { Context } from '../runtime/context';
import type { Recorder } from '../tracer/recorder';
import { Probe } from '../tracer/probe';
import type { CompiledFile } from '../tracer/instrument';
import { SHADOWED_GLOBALS, capturingConsole, seededMath } from './layers';

/** What a running module can reach of the run around it. */
export interface ModuleServices {
  /** The shared recorder. */
  recorder: Recorder;
  /** The run's graph. */
  graph: Graph;
  /** Seed of `Math.random`. */
  seed: string;
  /** Loads another module's exports for `import`. */
  load(specifier: string, context: Context, module: number): Promise<object>;
  /** `sleep(ms)`, through the kernel's timers. */
  sleep(ms: number): Promise<void>;
  /** Called at each context check (progress reports). */
  onCheck(steps: number): void;
  /** Run-wide step cap (the root context's step limit). */
  stepCap: number;
}

const CHECK_EVERY = 1024;

/**
 * Evaluates a compiled file as one module instance under `context`, and returns its exports
 * once its body has finished (top-level await included).
 */
export async function evaluate(file: CompiledFile, module: number, context: Context, s: ModuleServices): Promise<Record<string, unknown>> {
  const exports: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let charged = 0;
  const probe = new Probe(s.recorder, {
    module,
    exports,
    checkEvery: CHECK_EVERY,
    stepCap: s.stepCap,
    check: (steps) => {
      context.chargeSteps(steps - charged);
      charged = steps;
      context.check();
      s.onCheck(steps);
    },
    load: (spec) => s.load(spec, context, module),
    aborted: () => context.cancelled,
  });
  const params = ['__sg', 'graph', 'console', 'sleep', 'Math', ...SHADOWED_GLOBALS];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the user's (instrumented) code is the point
  const body = new Function(...params, `"use strict";\nreturn (async () => {\n${file.code}\n})();`) as (...a: unknown[]) => Promise<void>;
  const sleep = (ms: number): Promise<void> => s.sleep(ms);
  await body(probe, s.graph, capturingConsole(s.recorder), sleep, seededMath(s.seed), ...SHADOWED_GLOBALS.map(() => undefined));
  return exports;
}
