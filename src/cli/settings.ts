import { availableParallelism } from 'node:os';
import { DEFAULT_SETTINGS } from '../protocol/run';
import { parseUrlPattern } from '../shared/urlPattern';

/** Everything the two commands can be told, from flags, `STEPGRAPH_*` variables and defaults. */
export interface Settings {
  /** Address `serve` listens on. */
  host: string;
  /** Port `serve` listens on; 0 picks a free one. */
  port: number;
  /** Most milliseconds a run may take; a request may ask for less. */
  timeLimitMs: number;
  /** Most steps a run may record; a request may ask for fewer. */
  stepLimit: number;
  /** Heap limit of each worker process, in MB. */
  memoryLimitMb: number;
  /** Largest request body `serve` reads, in bytes. */
  maxBody: number;
  /** Worker processes of `serve`. */
  workers: number;
  /** Requests `serve` keeps waiting for a worker; past it, 503. */
  queue: number;
  /** Runs a worker process of `serve` answers before a fresh one replaces it; 0 for no bound (`run` always uses one). */
  workerRuns: number;
  /** Open connections `serve` accepts from one address; a request on a further one reads 429. */
  clientConnections: number;
  /** Origins allowed to call `serve` from a browser (`*` for any); others get 403. */
  allowOrigins: string[];
  /** URL patterns a script's `fetch` may reach (C-NET1), as the URL parser normalized them; a request may narrow them. Empty: no network. */
  allowNet: string[];
  /** Indent the JSON that `run` prints. */
  pretty: boolean;
}

/** A setting given by a flag or a variable: its variable, default and smallest value. */
interface NumberSetting {
  /** The setting it fills. */
  key:
    | 'port'
    | 'timeLimitMs'
    | 'stepLimit'
    | 'memoryLimitMb'
    | 'maxBody'
    | 'workers'
    | 'queue'
    | 'workerRuns'
    | 'clientConnections';
  /** The environment variable. */
  env: string;
  /** The default. */
  def: () => number;
  /** The smallest value allowed. */
  min: number;
  /** The largest value allowed. */
  max?: number;
}

/** A worker process's heap limit unless told otherwise; the code cache is made for it (`codeCache.ts`). */
export const DEFAULT_MEMORY_LIMIT_MB = 512;

/** Number flags, by flag name. */
export const NUMBER_FLAGS: Record<string, NumberSetting> = {
  port: { key: 'port', env: 'STEPGRAPH_PORT', def: () => 7590, min: 0, max: 65535 },
  'time-limit-ms': {
    key: 'timeLimitMs',
    env: 'STEPGRAPH_TIME_LIMIT_MS',
    def: () => DEFAULT_SETTINGS.timeLimitMs,
    min: 1,
  },
  'step-limit': { key: 'stepLimit', env: 'STEPGRAPH_STEP_LIMIT', def: () => DEFAULT_SETTINGS.stepLimit, min: 1 },
  'memory-limit-mb': {
    key: 'memoryLimitMb',
    env: 'STEPGRAPH_MEMORY_LIMIT_MB',
    def: () => DEFAULT_MEMORY_LIMIT_MB,
    min: 32,
  },
  'max-body': { key: 'maxBody', env: 'STEPGRAPH_MAX_BODY', def: () => 1024 * 1024, min: 1 },
  workers: { key: 'workers', env: 'STEPGRAPH_WORKERS', def: () => availableParallelism(), min: 1, max: 256 },
  queue: { key: 'queue', env: 'STEPGRAPH_QUEUE', def: () => 64, min: 0, max: 100_000 },
  'worker-runs': { key: 'workerRuns', env: 'STEPGRAPH_WORKER_RUNS', def: () => 0, min: 0 },
  'client-connections': {
    key: 'clientConnections',
    env: 'STEPGRAPH_CLIENT_CONNECTIONS',
    def: () => 64,
    min: 1,
    max: 100_000,
  },
};

/** A bad flag or variable: `stepgraph` prints it with the usage and exits with 2. */
export class UsageError extends Error {
  /** Always `CLI_USAGE`. */
  readonly code = 'CLI_USAGE';
}

function number(name: string, raw: string, s: NumberSetting): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < s.min || (s.max !== undefined && n > s.max)) {
    const range = s.max === undefined ? `at least ${s.min}` : `${s.min} to ${s.max}`;
    throw new UsageError(`cli/settings: ${name} must be a whole number, ${range} (got "${raw}")`);
  }
  return n;
}

/** `--allow-net` patterns (or `STEPGRAPH_ALLOW_NET`), each read by the URL parser as the engine reads grants. */
function networkPatterns(fromFlags: string[] | undefined, fromEnv: string | undefined): string[] {
  const where = fromFlags ? '--allow-net' : 'STEPGRAPH_ALLOW_NET';
  const raw = (fromFlags ?? fromEnv?.split(',') ?? []).map((p) => p.trim()).filter(Boolean);
  return raw.map((p) => {
    const parsed = parseUrlPattern(p);
    if (!parsed.ok) throw new UsageError(`cli/settings: ${where}: ${parsed.error.message}`);
    return parsed.value.text;
  });
}

/** Settings from parsed flags (`parseArgs` values), then the environment, then the defaults. */
export function resolveSettings(
  flags: Record<string, string | boolean | string[] | undefined>,
  env: NodeJS.ProcessEnv,
): Settings {
  const origins = (flags['allow-origin'] as string[] | undefined) ?? env.STEPGRAPH_ALLOW_ORIGIN?.split(',') ?? [];
  const out: Settings = {
    host: (flags.host as string | undefined) ?? env.STEPGRAPH_HOST ?? '127.0.0.1',
    port: 0,
    timeLimitMs: 0,
    stepLimit: 0,
    memoryLimitMb: 0,
    maxBody: 0,
    workers: 0,
    queue: 0,
    workerRuns: 0,
    clientConnections: 0,
    allowOrigins: origins.map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
    allowNet: networkPatterns(flags['allow-net'] as string[] | undefined, env.STEPGRAPH_ALLOW_NET),
    pretty: flags.pretty === true,
  };
  for (const [flag, s] of Object.entries(NUMBER_FLAGS)) {
    const fromFlag = flags[flag] as string | undefined;
    const raw = fromFlag ?? env[s.env];
    out[s.key] = raw === undefined ? s.def() : number(fromFlag !== undefined ? `--${flag}` : s.env, raw, s);
  }
  return out;
}
