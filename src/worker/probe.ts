// Tests only: what the worker process itself (its own realm, outside any compartment) may do. Each
// attempt is something Node's permission model must refuse in a worker the pool started; the pool's
// tests ask for it with `debug/probe`. Answered only when the pool started the worker with
// STEPGRAPH_WORKER_PROBE=1 in its environment, which it does only when a test asks in code: no
// request, flag or variable of the command reaches it. The attempts are fixed; nothing is evaluated.

/** Node's `process`, as far as the probe uses it (worker/ is checked without Node's types). */
interface ProbedProcess {
  /** Loads a Node builtin by name. */
  getBuiltinModule(id: string): Record<string, (...args: unknown[]) => unknown>;
  /** Loads a native addon. */
  dlopen(module: object, file: string): void;
  /** Node's internal bindings (deprecated, closed under the permission model). */
  binding(name: string): unknown;
  /** The worker's environment. */
  env: Record<string, string | undefined>;
}

const { process } = globalThis as unknown as { process: ProbedProcess };
const builtin = (id: string) => process.getBuiltinModule(id);

/** Each attempt, by name; each must throw. */
const ATTEMPTS: Record<string, () => unknown> = {
  'child_process.execSync': () => builtin('node:child_process').execSync?.('id'),
  'fs.writeFileSync': () => builtin('node:fs').writeFileSync?.('/tmp/stepgraph-probe', 'x'),
  'fs.readFileSync(/etc/passwd)': () => builtin('node:fs').readFileSync?.('/etc/passwd'),
  'new Worker': () => {
    const { Worker } = builtin('node:worker_threads') as unknown as { Worker: new (s: string, o: object) => unknown };
    return new Worker('0', { eval: true });
  },
  'process.dlopen': () => process.dlopen({ exports: {} }, '/nonexistent.node'),
  'process.binding': () => process.binding('spawn_sync'),
  'inspector.open': () => builtin('node:inspector').open?.(0),
};

/** Whether this worker answers `debug/probe`. */
export const probeEnabled = (): boolean => process.env.STEPGRAPH_WORKER_PROBE === '1';

/** Runs every attempt; each one's error code, or `allowed`; and the names in the environment. */
export function probe(): Record<string, string> {
  const results: Record<string, string> = { env: Object.keys(process.env).sort().join(' ').slice(0, 64) };
  for (const [name, attempt] of Object.entries(ATTEMPTS)) {
    try {
      attempt();
      results[name] = 'allowed';
    } catch (e) {
      const { code, name: kind, message } = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
      results[name] = String(code ?? `${String(kind)}: ${String(message)}`).slice(0, 64);
    }
  }
  return results;
}
