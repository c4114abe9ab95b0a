import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the metrics read from the pool when they are scraped. */
export interface PoolLoad {
  /** Runs in progress and requests waiting in the queue. */
  load: { running: number; waiting: number };
}

/** Seconds: most runs answer in milliseconds; a run may take up to its time limit (default 5 s, more if set). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * `serve`'s Prometheus metrics (prom-client, on a registry of its own): runs by outcome, failures
 * by their stable code, the latency of answered runs, runs in progress and the queue, HTTP refusals,
 * and the process's own (memory, CPU, event loop lag). Each instance counts only itself: a load
 * balancer's instances are summed by Prometheus.
 */
export class ServeMetrics {
  /** The registry `/metrics` prints. */
  readonly registry = new Registry();
  private readonly runs = new Counter({
    name: 'stepgraph_runs_total',
    help: 'Runs answered, by outcome (ok: the main module finished; failed: any error, the script’s or a limit)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: 'stepgraph_run_failures_total',
    help: 'Failed runs by their stable error code (LIMIT_TIME, PREP_SYNTAX, …; docs/EXECUTOR.md)',
    labelNames: ['code', 'phase'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'stepgraph_run_duration_seconds',
    help: 'Time from a run request read to its answer, queue wait included',
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'stepgraph_http_refusals_total',
    help: 'Requests refused before any run, by their code (HTTP_QUEUE_FULL, HTTP_BODY_TOO_LARGE, …)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(pool: PoolLoad) {
    new Gauge({
      name: 'stepgraph_runs_in_progress',
      help: 'Runs being run by a worker now',
      registers: [this.registry],
      collect() {
        this.set(pool.load.running);
      },
    });
    new Gauge({
      name: 'stepgraph_queue_length',
      help: 'Run requests waiting for a free worker',
      registers: [this.registry],
      collect() {
        this.set(pool.load.waiting);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'stepgraph_' });
  }

  /** A run was answered after `seconds`; `error` when it failed. */
  answered(seconds: number, error?: { phase: string; code: string }): void {
    this.runs.inc({ outcome: error ? 'failed' : 'ok' });
    if (error) this.failures.inc({ code: error.code, phase: error.phase });
    this.duration.observe(seconds);
  }

  /** A request was refused with an HTTP code. */
  refused(code: string): void {
    this.refusals.inc({ code });
  }

  /** The text `/metrics` answers, and its content type. */
  async text(): Promise<{ body: string; type: string }> {
    return { body: await this.registry.metrics(), type: this.registry.contentType };
  }
}
