import { FORMAT_CODES, readGraphText } from '../formats';
import { RUN_CODES } from '../executor/errorCodes';
import type { GraphInput } from '../protocol/graph';
import type { TraceForm } from '../protocol/process';
import type { RunRequest } from '../protocol/run';
import { err, ok, type Result } from '../shared/result';
import { parseUrlPattern, urlCovers, type UrlPattern } from '../shared/urlPattern';

/** The server's limits: a request may lower them, never raise them. */
export interface Caps {
  /** Most milliseconds a run may take. */
  timeLimitMs: number;
  /** Most steps a run may record. */
  stepLimit: number;
}

/** A request, checked, with its limits capped. */
export interface ParsedRequest {
  /** What the engine runs. */
  request: RunRequest;
  /** How the response carries the trace (docs/EXECUTOR.md): `columns` unless the request said. */
  trace: TraceForm;
  /** The run's limits: the request's, capped by the server's. */
  limits: Caps;
}

/**
 * Why a request was refused before any run: `INIT_BAD_JSON` (not JSON), `INIT_BAD_REQUEST` (not a
 * request) or `INIT_BAD_GRAPH` (its graph file cannot be read).
 */
export interface RequestError {
  /** The stable code. */
  code: 'INIT_BAD_JSON' | 'INIT_BAD_REQUEST' | typeof RUN_CODES.BAD_GRAPH;
  /** What is wrong, naming the field. */
  message: string;
}

const TOP = ['files', 'code', 'main', 'graph', 'options', 'grants'];
const OPTIONS = ['seed', 'stepLimit', 'timeLimitMs', 'limits', 'input', 'trace'];
const TRACE_FORMS: readonly TraceForm[] = ['columns', 'steps', 'file', 'none'];
const EMPTY_GRAPH: GraphInput = { nodes: [], edges: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (message: string): Result<never, RequestError> =>
  err({ code: 'INIT_BAD_REQUEST', message: `cli/request: ${message}` });
const isLimit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** The main file when the request names none: `main.ts`, `main.js`, or the only file. */
function defaultMain(files: Record<string, string>): string | undefined {
  const names = Object.keys(files);
  return ['main.ts', 'main.js'].find((n) => n in files) ?? (names.length === 1 ? names[0] : undefined);
}

/**
 * The run's network grants: the server's `--allow-net` patterns, or the request's own when each is
 * within one of them (a request may narrow what the server allows, never widen it).
 */
function networkGrants(asked: unknown, allowed: readonly string[]): Result<string[], RequestError> {
  if (asked === undefined) return ok([...allowed]);
  if (!isObject(asked) || Object.keys(asked).some((k) => k !== 'network'))
    return bad('"grants" must be { "network": [URL patterns] }');
  const network = asked.network ?? [];
  if (!Array.isArray(network) || network.some((p) => typeof p !== 'string'))
    return bad('"grants.network" must be an array of URL patterns');
  const outer = allowed.map((p) => parseUrlPattern(p)).flatMap((r) => (r.ok ? [r.value] : []));
  const out: string[] = [];
  for (const p of network as string[]) {
    const inner = parseUrlPattern(p);
    if (!inner.ok) return bad(`"grants.network": ${inner.error.message}`);
    if (!outer.some((o: UrlPattern) => urlCovers(o, inner.value)))
      return bad(`"grants.network": ${p} is not within what the server allows (its --allow-net)`);
    out.push(inner.value.text);
  }
  return ok(out);
}

/**
 * The request's graph: graphology or Cytoscape JSON as it is (the engine checks it), or a graph
 * file's `{ format?, text }` read through the formats registry, the page's Import's own.
 */
function graphOf(graph: Record<string, unknown> | undefined): Result<GraphInput, RequestError> {
  if (graph === undefined) return ok(EMPTY_GRAPH);
  if (!('text' in graph) && !('format' in graph)) return ok(graph as unknown as GraphInput);
  const unknown = Object.keys(graph).find((k) => k !== 'text' && k !== 'format');
  if (unknown !== undefined) return bad(`"graph": unknown field "${unknown}" (a graph file is { "format", "text" })`);
  if (typeof graph.text !== 'string') return bad('"graph.text" must be the graph file\'s text');
  if (graph.format !== undefined && typeof graph.format !== 'string') return bad('"graph.format" must be a format id');
  const read = readGraphText(graph.text, graph.format === undefined ? {} : { format: graph.format });
  if (read.ok) return ok(read.value.graph);
  const code = read.error.code === FORMAT_CODES.UNKNOWN ? 'INIT_BAD_REQUEST' : RUN_CODES.BAD_GRAPH;
  return err({ code, message: `cli/request: "graph": ${read.error.message} [${read.error.code}]` });
}

/**
 * Checks a request body (docs/EXECUTOR.md, "The request"), caps its limits and narrows its network
 * grants to the server's `allowNet`; never throws.
 */
export function parseRequest(
  text: string,
  caps: Caps,
  allowNet: readonly string[] = [],
): Result<ParsedRequest, RequestError> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return err({ code: 'INIT_BAD_JSON', message: `cli/request: the request is not JSON (${(e as Error).message})` });
  }
  if (!isObject(body)) return bad('the request must be a JSON object');
  const unknown = Object.keys(body).find((k) => !TOP.includes(k));
  if (unknown !== undefined) return bad(`unknown field "${unknown}" (expected ${TOP.join(', ')})`);
  if ((body.files === undefined) === (body.code === undefined)) return bad('give either "files" or "code"');
  if (body.code !== undefined && typeof body.code !== 'string') return bad('"code" must be a string');
  const files = body.code !== undefined ? { 'main.ts': body.code as string } : body.files;
  if (!isObject(files) || Object.keys(files).length === 0) return bad('"files" must map file names to source text');
  const notText = Object.keys(files).find((f) => typeof files[f] !== 'string');
  if (notText !== undefined) return bad(`file "${notText}" must be a string`);
  const main = body.main ?? defaultMain(files as Record<string, string>);
  if (typeof main !== 'string') return bad('say which file runs first with "main"');
  if (body.graph !== undefined && !isObject(body.graph))
    return bad('"graph" must be graphology or Cytoscape JSON, or { "format", "text" } of a graph file');
  const graph = graphOf(body.graph);
  if (!graph.ok) return graph;
  const options = body.options ?? {};
  if (!isObject(options)) return bad('"options" must be an object');
  const unknownOption = Object.keys(options).find((k) => !OPTIONS.includes(k));
  if (unknownOption !== undefined) return bad(`unknown option "${unknownOption}" (expected ${OPTIONS.join(', ')})`);
  const { seed, stepLimit, timeLimitMs, limits: lowered, trace = 'columns' } = options;
  if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number')
    return bad('"seed" must be a string or a number');
  if (stepLimit !== undefined && !isLimit(stepLimit)) return bad('"stepLimit" must be a positive number');
  if (timeLimitMs !== undefined && !isLimit(timeLimitMs)) return bad('"timeLimitMs" must be a positive number');
  // the engine checks the names (INIT_BAD_REQUEST naming the limit) and never lets one rise past its default
  if (lowered !== undefined && (!isObject(lowered) || Object.values(lowered).some((v) => !isLimit(v))))
    return bad('"limits" must map limit names (docs/SCRIPTS.md) to positive numbers');
  if (!TRACE_FORMS.includes(trace as TraceForm))
    return bad(`"trace" must be one of ${TRACE_FORMS.map((f) => `"${f}"`).join(', ')}`);
  const network = networkGrants(body.grants, allowNet);
  if (!network.ok) return network;
  const limits: Caps = {
    timeLimitMs: Math.min(timeLimitMs ?? caps.timeLimitMs, caps.timeLimitMs),
    stepLimit: Math.max(1, Math.floor(Math.min(stepLimit ?? caps.stepLimit, caps.stepLimit))),
  };
  const request: RunRequest = {
    files: files as Record<string, string>,
    main,
    graph: graph.value,
    settings: {
      ...limits,
      ...(seed === undefined ? {} : { seed: String(seed) }),
      ...(lowered === undefined ? {} : { limits: lowered as Record<string, number> }),
    },
    ...('input' in options ? { input: options.input } : {}),
    ...(network.value.length > 0 ? { grants: { network: network.value } } : {}),
  };
  return ok({ request, trace: trace as TraceForm, limits });
}
