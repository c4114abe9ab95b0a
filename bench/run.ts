// `npm run bench`: native vs traced on the cases, trace size, and seeking a 1,000,000-step
// trace. Every ratio compares two figures measured in this same run on this machine.
import { Engine } from '../src/executor/engine';
import { buildGraph } from '../src/executor/graphController';
import type { GraphologyJson } from '../src/protocol/graph';
import { TraceReader } from '../src/tracer/reader';
import { grid } from './graphs';
import { nativeRunner } from './native';
import { median, row, timeRuns, traceBytes } from './measure';

import { BFS, COUNTER, DFS, DIJKSTRA } from './scripts';
import { unconfined } from './unconfined';

const engineHost = {
  now: () => performance.now() as never,
  yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
  timers: {
    set: (ms: number, fn: () => void) => setTimeout(fn, ms),
    clear: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  },
};
const engine = new Engine(engineHost);
// the same engine with scripts evaluated as before confinement (a host `Function` whose parameters
// are the globals): what the compartment costs, measured against it in this run
const unconfinedEngine = new Engine(engineHost, unconfined);
const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 25;
console.log(
  `Fastest of ${RUNS} alternating runs (native, traced as before confinement, traced in a compartment), each on a graph built just before it; traced time is the main phase, compile excluded. The host is locked down (SES) for all three.\n`,
);

async function traced(code: string, graph: GraphologyJson, stepLimit = 5_000_000, on = engine) {
  return on.run({
    files: { 'main.ts': code },
    main: 'main.ts',
    graph,
    settings: { stepLimit, timeLimitMs: 60_000 },
  });
}

interface Case {
  name: string;
  code: string;
  graph: GraphologyJson;
}

const cases: Case[] = [
  { name: 'BFS grid 400', code: BFS, graph: grid(20, 20) },
  { name: 'BFS grid 10,000', code: BFS, graph: grid(100, 100) },
  { name: 'Dijkstra grid 400', code: DIJKSTRA, graph: grid(20, 20) },
  { name: 'Dijkstra grid 10,000', code: DIJKSTRA, graph: grid(100, 100) },
  { name: 'DFS recursive grid 400', code: DFS, graph: grid(20, 20) },
  { name: 'DFS recursive grid 2,500', code: DFS, graph: grid(50, 50) },
];

// seeking first, in a fresh process: the timing runs below leave garbage whose collection would land
// in some seek and say nothing about seeking
// 1,000 random steps of a 1,000,000-step trace, each rebuilding what the UI shows
const big = await traced(COUNTER, grid(2, 2), 2_000_000);
const reader = new TraceReader(big.trace);
// what building that trace left behind is collected now, not during some seek (`npm run bench` exposes gc)
(globalThis as { gc?: () => void }).gc?.();
const random = (() => {
  let s = 12345;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
})();
const seeks: number[] = [];
for (let k = 0; k < 1000; k++) {
  const i = Math.floor(random() * reader.length);
  const t0 = performance.now();
  reader.step(i);
  reader.variables(i);
  reader.output(i);
  seeks.push(performance.now() - t0);
}
console.log(
  `seek on a ${reader.length.toLocaleString('en')}-step trace: worst ${Math.max(...seeks).toFixed(3)} ms, median ${median(seeks).toFixed(4)} ms over 1,000 random steps\n`,
);

/** Fastest native run on one graph reused for every run: warmer than what any script gets. */
async function nativeOnReusedGraph(
  native: (g: ReturnType<typeof freshGraph>) => Promise<unknown>,
  json: GraphologyJson,
) {
  const g = freshGraph(json);
  const times = await timeRuns(() => native(g), 3, RUNS);
  return Math.min(...times);
}
let reusedBfs: { native: number; traced: number } | undefined;

const W = [26, 9, 10, 11, 10, 8, 8, 11, 7];
console.log(row(['case', 'steps', 'native ms', 'before ms', 'traced ms', 'before', 'ratio', 'steps/s', 'B/step'], W));
/** A graph built from `json` just now, as the engine builds one for each run. */
function freshGraph(json: GraphologyJson) {
  const built = buildGraph(json);
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

for (const c of cases) {
  const native = nativeRunner(c.code);
  // native and traced runs alternate, and each keeps its fastest: the least disturbed by other load.
  // Each native run, like each traced one, gets a graph built just before it (untimed): the young
  // objects of a fresh graph cost the collector the same on both sides.
  const nativeRuns: number[] = [];
  const tracedMs: number[] = [];
  const beforeMs: number[] = [];
  let last = await traced(c.code, c.graph);
  await traced(c.code, c.graph, undefined, unconfinedEngine);
  for (let i = 0; i < 3; i++) await native(freshGraph(c.graph));
  for (let i = 0; i < RUNS; i++) {
    const g = freshGraph(c.graph);
    nativeRuns.push(...(await timeRuns(() => native(g), 0, 1)));
    const before = await traced(c.code, c.graph, undefined, unconfinedEngine);
    if (!before.ok) throw new Error(`${c.name} (unconfined): ${before.error?.message}`);
    beforeMs.push(before.stats.mainMs);
    last = await traced(c.code, c.graph);
    if (!last.ok) throw new Error(`${c.name}: ${last.error?.message}`);
    tracedMs.push(last.stats.mainMs);
  }
  const b = Math.min(...beforeMs);
  const nativeMs = Math.min(...nativeRuns);
  const t = Math.min(...tracedMs);
  if (c.name === 'BFS grid 10,000') reusedBfs = { native: await nativeOnReusedGraph(native, c.graph), traced: t };
  const steps = last.stats.steps;
  console.log(
    row(
      [
        c.name,
        steps,
        nativeMs.toFixed(2),
        b.toFixed(2),
        t.toFixed(2),
        (b / nativeMs).toFixed(2) + '×',
        (t / nativeMs).toFixed(2) + '×',
        Math.round(steps / (t / 1000)).toLocaleString('en'),
        (traceBytes(last.trace) / steps).toFixed(1),
      ],
      W,
    ),
  );
}

if (reusedBfs) {
  const { native, traced } = reusedBfs;
  console.log(
    `\nBFS grid 10,000 natively on one graph traversed again and again (warmer than any script's graph): ` +
      `${native.toFixed(2)} ms; the traced run is ${(traced / native).toFixed(2)}× that`,
  );
}
await engine.shutdown();
await unconfinedEngine.shutdown();
