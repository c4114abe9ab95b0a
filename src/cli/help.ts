/** `stepgraph --help`. */
export const HELP = `stepgraph: run graph algorithms headlessly, traced step by step.

Usage:
  stepgraph run   [options] < request.json    one JSON request on stdin, one JSON response on stdout
  stepgraph serve [options]                   the same over HTTP: POST /run, GET /env
  stepgraph grade [options] EXERCISE SUBMISSION...
                                              every submission (file, or folder of .js/.ts) on every
                                              case of the exercise, in parallel; JSON report on
                                              stdout, --junit PATH for JUnit XML; exit 1 unless all pass
  stepgraph -h | --help                       this help
  stepgraph -V | --version                    the version

Request: {"code": "..."} or {"files": {"main.ts": "..."}, "main": "main.ts"},
  with optional "graph" (graphology or Cytoscape JSON) and "options"
  {"seed", "stepLimit", "timeLimitMs", "input",
   "trace": "columns" (default, compact) | "steps" (small traces) | "file" (serve) | "none"}
  and "grants" {"network": [URL patterns within --allow-net]}.
  Example: echo '{"code":"export default 1 + 1"}' | stepgraph run

Options (flag, then environment variable, then default):
  --time-limit-ms N     STEPGRAPH_TIME_LIMIT_MS   5000     most ms a run may take
  --step-limit N        STEPGRAPH_STEP_LIMIT      1000000  most steps a run may record
  --memory-limit-mb N   STEPGRAPH_MEMORY_LIMIT_MB 512      heap of each worker process
  --allow-net PATTERN   STEPGRAPH_ALLOW_NET       (none)   URL pattern a script's fetch may reach
                                                           when its manifest asks too (repeatable;
                                                           variable: comma-separated)
  A request may lower these limits and narrow "grants": {"network": [...]}, never widen them.

run only:
  --pretty                                        indent the JSON response
  --trace-file PATH                               write the trace to PATH as a trace file (the
                                                  playground's Import opens it); the response
                                                  then has no trace

serve only:
  --host H              STEPGRAPH_HOST            127.0.0.1
  --port N              STEPGRAPH_PORT            7590     0 picks a free port
  --workers N           STEPGRAPH_WORKERS         cores    worker processes
  --queue N             STEPGRAPH_QUEUE           64       requests waiting; past it, 503
  --worker-runs N       STEPGRAPH_WORKER_RUNS     0        runs a worker answers before a fresh
                                                           one replaces it (0: no bound)
  --max-body N          STEPGRAPH_MAX_BODY        1048576  bytes; past it, 413
  --client-connections N
                        STEPGRAPH_CLIENT_CONNECTIONS 64    open connections from one address;
                                                           past it, 429
  --allow-origin O      STEPGRAPH_ALLOW_ORIGIN    (none)   origin allowed from a browser,
                                                           repeatable (variable: comma-separated)

Exit codes of run: 0 ok, 3 internal, 5 init (bad request), 7 prep (syntax, import),
  13 runner (exception), 17 time or step limit, 19 memory limit; 2 bad command line.

Docs: docs/EXECUTOR.md
`;
