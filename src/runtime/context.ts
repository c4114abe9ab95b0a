import type { Clock } from '../shared/clock';
import type { Millis } from '../shared/brand';
import { StepgraphError } from '../shared/errors';
import { CONTEXT_CODES, limitError, permissionDenied } from './codes';
import { LIMIT_KINDS, looserLimit, tighten, type DepletingLimitName, type LimitName, type Limits } from './limits';
import { covers, describePermission, matches, type Permission, type PermissionKind } from './permissions';
import { TokenBucket } from './tokenBucket';
import { WaitQueue } from './limiter';

export { CONTEXT_CODES } from './codes';
export type { ContextOptions, ContextUsage } from './contextTypes';
import type { ContextOptions, ContextUsage } from './contextTypes';

const noWait = (): Promise<void> => Promise.reject(new Error('runtime/Context: no timer to wait for a refill with'));

/** Where each depleting budget's use is counted. */
const USAGE_FIELD: Record<DepletingLimitName, keyof ContextUsage> = {
  'execution/steps': 'steps',
  'execution/cpu-time': 'cpuMs',
  'graph/operations': 'graphOps',
  'trace/bytes': 'traceBytes',
};

/** Bumped whenever any context drops permissions: remembered permission checks are then redone. */
let dropEpoch = 0;

/**
 * A module instance's context (after Inox): permissions, limits as token buckets, cancellation
 * that cascades to every descendant, and teardown tasks. Children draw on their ancestors' buckets.
 */
export class Context {
  /** Permission checks that passed, with the drop epoch they passed at. */
  private readonly allowed = new Map<PermissionKind, Map<string, number>>();
  /** The parent context, if any. */
  readonly parent: Context | undefined;
  /** This context's own limits (its ancestors' apply too). */
  readonly limits: Limits;
  /** When this context was made. */
  readonly startedAt: Millis;
  /** Its clock. */
  readonly clock: Clock;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly stop: (() => boolean) | undefined;
  private readonly granted: readonly Permission[] | 'all';
  private readonly forbidden: Permission[] = [];
  private readonly children = new Set<Context>();
  private readonly teardowns: Array<(() => void) | undefined> = [];
  private readonly buckets = new Map<LimitName, TokenBucket>();
  private readonly queues = new Map<LimitName, WaitQueue>();
  private readonly used: ContextUsage = { steps: 0, cpuMs: 0, graphOps: 0, traceBytes: 0 };
  private reason: StepgraphError | undefined;

  constructor(o: ContextOptions) {
    const parent = o.parent;
    const clock = o.clock ?? parent?.clock;
    if (!clock) throw new Error('runtime/Context: a root context needs a clock');
    this.parent = parent;
    this.clock = clock;
    this.wait = o.wait ?? parent?.wait ?? noWait;
    this.stop = o.stop;
    this.limits = o.limits ?? {};
    this.granted = o.permissions ?? [];
    this.startedAt = clock.now();
    if (parent) this.checkChildRules(parent);
    for (const [name, value] of Object.entries(this.limits) as Array<[LimitName, number]>) this.addBucket(name, value);
    if (parent) {
      parent.children.add(this);
      if (parent.reason) this.reason = parent.reason;
    }
  }

  /** C-LIM3, C-CHILD1: a child may ask for no looser limit and no permission its parent lacks. */
  private checkChildRules(parent: Context): void {
    const loose = looserLimit(this.limits, parent.effectiveLimits());
    if (loose) {
      throw new StepgraphError(
        CONTEXT_CODES.LOOSER_LIMIT,
        `runtime/Context: a child's limit ${loose.name}=${loose.child} is looser than its parent's ${loose.parent}`,
        { limit: loose.name },
      );
    }
    const asked = this.granted === 'all' ? undefined : this.granted.find((p) => !parent.holds(p));
    if (this.granted === 'all' || asked) {
      const what = asked ? describePermission(asked.kind, asked.pattern) : 'every permission';
      throw new StepgraphError(
        CONTEXT_CODES.PERMISSION_NOT_HELD,
        `runtime/Context: a child may not hold ${what}: its parent does not hold it`,
        { permission: asked ?? 'all' },
      );
    }
  }

  private addBucket(name: LimitName, value: number): void {
    const kind = LIMIT_KINDS[name];
    if (kind === 'deadline' || kind === 'window') return;
    const rated = kind === 'frequency' || kind === 'byteRate';
    const bucket = new TokenBucket(value, rated ? value / 1000 : 0, this.clock);
    this.buckets.set(name, bucket);
    if (rated) this.queues.set(name, new WaitQueue(bucket, this.wait, name));
  }

  /** The error that cancelled this context, if any. */
  get cancelled(): StepgraphError | undefined {
    return this.reason;
  }

  /** Cancels this context and all its descendants; runs teardown tasks once, in order. */
  cancel(reason: StepgraphError): void {
    if (this.reason && this.teardowns.length === 0) return;
    this.reason ??= reason;
    for (const child of this.children) child.cancel(reason);
    for (const task of this.teardowns.splice(0)) {
      try {
        task?.();
      } catch {
        // one failing teardown must not skip the others
      }
    }
  }

  /** Runs `task` once when the context is cancelled (at once if it is); returns a function that unregisters it. */
  onTeardown(task: () => void): () => void {
    if (this.reason) {
      task();
      return () => {};
    }
    const i = this.teardowns.push(task) - 1;
    return () => {
      if (this.teardowns[i] === task) this.teardowns[i] = undefined;
    };
  }

  /** Detaches a finished child so it no longer receives cancellation. */
  release(): void {
    this.parent?.children.delete(this);
  }

  /** Charges a depleting budget here and in every ancestor; false when one ran out (its context is then cancelled). */
  charge(name: DepletingLimitName, amount: number): boolean {
    const field = USAGE_FIELD[name];
    for (const c of this.lineage()) {
      c.used[field] += amount;
      const bucket = c.buckets.get(name);
      if (bucket && bucket.drain(amount) > 0 && !c.reason) c.cancel(limitError(name, bucket.capacity));
    }
    return !this.reason;
  }

  /** Records `n` steps here and in every ancestor; throws when a step budget is exhausted. */
  chargeSteps(n: number): void {
    this.charge('execution/steps', n);
    if (this.reason) throw this.reason;
  }

  /** Checks time and stop requests; throws (and cancels) when one trips. */
  check(): void {
    if (!this.reason) {
      const now = this.clock.now();
      for (const c of this.lineage()) {
        if (c.stop?.()) {
          c.cancel(new StepgraphError(CONTEXT_CODES.STOPPED, 'runtime/stop: the run was stopped'));
          break;
        }
        const total = c.limits['execution/total-time'];
        if (total !== undefined && now - c.startedAt > total) {
          c.cancel(limitError('execution/total-time', total));
          break;
        }
      }
    }
    if (this.reason) throw this.reason;
  }

  /** Milliseconds left before the total-time limit of this context or an ancestor trips. */
  remainingMs(): number {
    const now = this.clock.now();
    let left = Infinity;
    for (const c of this.lineage()) {
      const total = c.limits['execution/total-time'];
      if (total !== undefined) left = Math.min(left, total - (now - c.startedAt));
    }
    return Math.max(0, left);
  }

  /** Tokens left in the emptiest bucket of `name` along the lineage (Infinity when none limits it). */
  remaining(name: LimitName): number {
    let left = Infinity;
    for (const c of this.lineage()) left = Math.min(left, c.buckets.get(name)?.tokens ?? Infinity);
    return left;
  }

  /** C-RATE1–3: waits for `n` tokens of a rate limit in this context's bucket and each ancestor's. */
  async take(name: LimitName, n = 1): Promise<void> {
    for (const c of this.lineage()) {
      const queue = c.queues.get(name);
      const bucket = c.buckets.get(name);
      if (!queue || !bucket) continue;
      const part = LIMIT_KINDS[name] === 'byteRate' ? Math.max(1, bucket.capacity) : n;
      for (let left = n; left > 0; left -= part) await queue.take(Math.min(part, left), this);
    }
  }

  /** C-TOT1: takes `n` tokens of a total limit everywhere on the lineage, or throws and takes none; the result gives them back once. */
  acquire(name: LimitName, n = 1): () => void {
    if (this.reason) throw this.reason;
    const held = [...this.lineage()].flatMap((c) => c.buckets.get(name) ?? []);
    const short = held.find((b) => b.tokens < n);
    if (short) throw limitError(name, short.capacity);
    for (const b of held) b.tryTake(n);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      for (const b of held) b.give(n);
    };
  }

  /** The limits that apply here: the stricter of this context's and every ancestor's. */
  effectiveLimits(): Limits {
    let out: Limits = {};
    for (const c of this.lineage()) out = tighten(out, c.limits);
    return out;
  }

  /** C-PERM4: whether this context may do `kind` on `resource`. */
  has(kind: PermissionKind, resource: string): boolean {
    // a script checks the same permission again and again (every `graph` call): a yes is remembered
    // until any context drops a permission, which may turn it into a no
    let byResource = this.allowed.get(kind);
    if (byResource?.get(resource) === dropEpoch) return true;
    const granted = this.granted === 'all' || this.granted.some((g) => g.kind === kind && matches(g.pattern, resource));
    const ok = granted && !this.forbids((f) => f.kind === kind && matches(f.pattern, resource));
    if (ok) {
      if (!byResource) this.allowed.set(kind, (byResource = new Map()));
      byResource.set(resource, dropEpoch);
    }
    return ok;
  }

  /** C-PERM6: throws `PERMISSION_DENIED` (and stops the module) unless this context has the permission. */
  require(kind: PermissionKind, resource: string): void {
    if (this.reason) throw this.reason;
    if (this.has(kind, resource)) return;
    const e = permissionDenied(kind, resource);
    this.cancel(e);
    throw e;
  }

  /** C-PERM5: forbids these permissions here and in every descendant from now on. */
  drop(permissions: readonly Permission[]): void {
    this.forbidden.push(...permissions);
    dropEpoch++;
  }

  /** C-CHILD1: whether a child of this context may be granted `p`. */
  holds(p: Permission): boolean {
    const granted =
      this.granted === 'all' || this.granted.some((g) => g.kind === p.kind && covers(g.pattern, p.pattern));
    return granted && !this.forbids((f) => f.kind === p.kind && covers(f.pattern, p.pattern));
  }

  /** The permissions granted to this context (`all` for a host's root). */
  get permissions(): readonly Permission[] | 'all' {
    return this.granted;
  }

  /** What this context and its descendants have used. */
  get usage(): ContextUsage {
    return { ...this.used };
  }

  /** Steps used in this context (children included). */
  get steps(): number {
    return this.used.steps;
  }

  private forbids(test: (f: Permission) => boolean): boolean {
    for (const c of this.lineage()) if (c.forbidden.some(test)) return true;
    return false;
  }

  /** This context, then each ancestor up to the root. */
  private *lineage(): Generator<Context> {
    yield this;
    for (let c = this.parent; c; c = c.parent) yield c;
  }
}
