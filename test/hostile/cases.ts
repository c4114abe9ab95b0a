// Every hostile case, as data: what it tries, the layer expected to stop it, and what proves
// containment. Run by test/hostile/executor.test.ts (stepgraph serve and run) and
// e2e/hostile.spec.ts (the page's worker); listed in docs/SECURITY.md by scripts/security-table.ts.
import { GLOBAL_CASES } from './cases/globals';
import { INSTRUMENTATION_CASES } from './cases/instrumentation';
import { LEAK_CASES } from './cases/leaks';
import { MODULE_CASES } from './cases/modules';
import { NETWORK_CASES } from './cases/network';
import { PAGE_CASES } from './cases/page';
import { POISONING_CASES } from './cases/poisoning';
import { PROCESS_CASES } from './cases/process';
import { RECORDING_CASES } from './cases/recording';
import type { HostileCase } from './types';

export const CASES: readonly HostileCase[] = [
  ...MODULE_CASES,
  ...GLOBAL_CASES,
  ...NETWORK_CASES,
  ...PAGE_CASES,
  ...PROCESS_CASES,
  ...INSTRUMENTATION_CASES,
  ...POISONING_CASES,
  ...RECORDING_CASES,
  ...LEAK_CASES,
];

/** The cases also run through `stepgraph run` (stdin → stdout). */
export const CLI_CASES: readonly HostileCase[] = CASES.filter((c) => c.cli);
