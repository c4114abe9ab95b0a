import type { Clock } from '../shared/clock';
import type { Context } from './context';
import type { Limits } from './limits';
import type { Permission } from './permissions';

/** How a context is made: from a manifest's permissions and limits, and from its parent. */
export interface ContextOptions {
  /** This context's own limits; its ancestors' apply as well (C-LIM4). */
  limits?: Limits;
  /** Granted permissions; `all` only for a host's root context, which grants whatever its children ask. */
  permissions?: readonly Permission[] | 'all';
  /** The parent: its limits, buckets and forbidden permissions apply here too. */
  parent?: Context;
  /** Monotonic time; inherited from the parent. */
  clock?: Clock;
  /** Waits `ms` through the kernel's timers (a rate limit's refill); inherited from the parent. */
  wait?: (ms: number) => Promise<void>;
  /** An outside stop request (a host flag), polled at each check. */
  stop?: () => boolean;
}

/** What a context has used, its descendants' use included. */
export interface ContextUsage {
  /** Steps charged. */
  steps: number;
  /** CPU milliseconds charged. */
  cpuMs: number;
  /** Graph operations charged (changes through the graphology API and `trace` annotations). */
  graphOps: number;
  /** Bytes of trace the recorder grew by while this context's code ran (an estimate of its buffers). */
  traceBytes: number;
}
