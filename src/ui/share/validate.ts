import type { GraphologyJson } from '../../protocol/graph';
import { DEFAULT_SETTINGS, type RunSettings } from '../../protocol/run';
import { err, ok, type Result } from '../../shared/result';
import { LAYOUTS, type PlaygroundDoc } from '../state/doc';
import type { Breakpoint } from '../state/breakpoints';
import { arr, attrs, int, num, obj, oneOf, ShapeError, str } from './check';
import { shareError, type ShareError } from './errors';
import { LIMITS } from './limits';

/** File names a playground may hold: relative paths of plain characters, as `import './util'` needs. */
const FILE_NAME = /^[\w-]+(\.[\w-]+)*(\/[\w-]+(\.[\w-]+)*)*$/;

/**
 * The one strict validator of a playground, for links and imported files alike: every field present
 * with its type and within its bounds, no unknown field, edges between nodes that exist, unique
 * keys. Limits above the page's defaults are lowered to them: an opened link runs under the
 * default limits, whatever it asks for.
 */
export function validateDoc(input: unknown): Result<PlaygroundDoc, ShareError> {
  try {
    return ok(readDoc(input));
  } catch (e) {
    if (e instanceof ShapeError)
      return err(shareError('SHARE_BAD_SHAPE', 'validate', `This is not a Stepgraph playground: ${e.message}.`));
    // a RangeError from absurd nesting, or anything else: still a clear refusal, never a throw
    return err(
      shareError('SHARE_BAD_SHAPE', 'validate', 'This is not a Stepgraph playground: its data cannot be read.'),
    );
  }
}

function readDoc(input: unknown): PlaygroundDoc {
  const d = obj(input, '', ['files', 'mainFile', 'graph', 'settings', 'layout', 'step', 'breakpoints']);
  const files = readFiles(d.files);
  const mainFile = str(d.mainFile, 'mainFile', LIMITS.fileName, 1);
  if (!(mainFile in files)) throw new ShapeError('mainFile', 'the name of one of the files');
  const doc: PlaygroundDoc = {
    files,
    mainFile,
    graph: readGraph(d.graph),
    settings: readSettings(d.settings),
    layout: oneOf(d.layout, 'layout', LAYOUTS),
    step: int(d.step, 'step', 0, LIMITS.step),
  };
  const breakpoints = d.breakpoints === undefined ? [] : readBreakpoints(d.breakpoints, files);
  return breakpoints.length > 0 ? { ...doc, breakpoints } : doc;
}

/**
 * Breakpoints: each in one of the files, on a line the file has, at most one per line; a condition
 * is kept as text (it is only ever interpreted over recorded values, tracer/condition.ts).
 */
function readBreakpoints(v: unknown, files: Record<string, string>): Breakpoint[] {
  const seen = new Set<string>();
  return arr(v, 'breakpoints', LIMITS.breakpoints).map((x, i) => {
    const p = `breakpoints[${i}]`;
    const b = obj(x, p, ['file', 'line', 'condition']);
    const file = str(b.file, `${p}.file`, LIMITS.fileName, 1);
    if (!Object.hasOwn(files, file)) throw new ShapeError(`${p}.file`, 'the name of one of the files');
    const lines = (files[file] ?? '').split('\n').length;
    const line = int(b.line, `${p}.line`, 1, Math.min(lines, LIMITS.line));
    if (seen.has(`${file}:${line}`)) throw new ShapeError(`${p}.line`, 'a line with no other breakpoint');
    seen.add(`${file}:${line}`);
    if (b.condition === undefined) return { file, line };
    return { file, line, condition: str(b.condition, `${p}.condition`, LIMITS.condition, 1) };
  });
}

function readFiles(v: unknown): Record<string, string> {
  const o = obj(v, 'files', Object.keys(v ?? {}));
  const names = Object.keys(o);
  if (names.length < 1 || names.length > LIMITS.files) throw new ShapeError('files', `1 to ${LIMITS.files} files`);
  const files: Record<string, string> = {};
  for (const name of names) {
    if (name.length > LIMITS.fileName || !FILE_NAME.test(name))
      throw new ShapeError(`files.${name}`, 'named like main.ts or lib/util.js');
    files[name] = str(o[name], `files.${name}`, LIMITS.docBytes);
  }
  return files;
}

function readSettings(v: unknown): RunSettings {
  const s = obj(v, 'settings', ['seed', 'timeLimitMs', 'stepLimit']);
  return {
    seed: str(s.seed, 'settings.seed', LIMITS.seed),
    timeLimitMs: Math.min(DEFAULT_SETTINGS.timeLimitMs, int(s.timeLimitMs, 'settings.timeLimitMs', 1, 1e9)),
    stepLimit: Math.min(DEFAULT_SETTINGS.stepLimit, int(s.stepLimit, 'settings.stepLimit', 1, 1e12)),
  };
}

/** Reads a graph in graphology's JSON form, strictly. */
export function readGraph(v: unknown, path = 'graph'): GraphologyJson {
  const g = obj(v, path, ['options', 'attributes', 'nodes', 'edges']);
  const graph: GraphologyJson = { nodes: [], edges: [] };
  if (g.options !== undefined) {
    const o = obj(g.options, `${path}.options`, ['type', 'multi', 'allowSelfLoops']);
    graph.options = {};
    if (o.type !== undefined)
      graph.options.type = oneOf(o.type, `${path}.options.type`, ['mixed', 'directed', 'undirected'] as const);
    if (o.multi !== undefined) graph.options.multi = bool(o.multi, `${path}.options.multi`);
    if (o.allowSelfLoops !== undefined)
      graph.options.allowSelfLoops = bool(o.allowSelfLoops, `${path}.options.allowSelfLoops`);
  }
  if (g.attributes !== undefined) graph.attributes = attrs(g.attributes, `${path}.attributes`);
  const keys = new Set<string>();
  arr(g.nodes, `${path}.nodes`, LIMITS.nodes).forEach((n, i) => {
    const p = `${path}.nodes[${i}]`;
    const node = obj(n, p, ['key', 'attributes']);
    const key = str(node.key, `${p}.key`, LIMITS.key, 1);
    if (keys.has(key)) throw new ShapeError(`${p}.key`, 'unique among the nodes');
    keys.add(key);
    const a = node.attributes === undefined ? undefined : attrs(node.attributes, `${p}.attributes`);
    if (a?.x !== undefined) num(a.x, `${p}.attributes.x`);
    if (a?.y !== undefined) num(a.y, `${p}.attributes.y`);
    graph.nodes.push(a === undefined ? { key } : { key, attributes: a });
  });
  const edgeKeys = new Set<string>();
  arr(g.edges, `${path}.edges`, LIMITS.edges).forEach((x, i) => {
    const p = `${path}.edges[${i}]`;
    const e = obj(x, p, ['key', 'source', 'target', 'undirected', 'attributes']);
    const source = str(e.source, `${p}.source`, LIMITS.key, 1);
    const target = str(e.target, `${p}.target`, LIMITS.key, 1);
    if (!keys.has(source)) throw new ShapeError(`${p}.source`, 'the key of a node');
    if (!keys.has(target)) throw new ShapeError(`${p}.target`, 'the key of a node');
    const edge: GraphologyJson['edges'][number] = { source, target };
    if (e.key !== undefined) {
      edge.key = str(e.key, `${p}.key`, LIMITS.key, 1);
      if (edgeKeys.has(edge.key)) throw new ShapeError(`${p}.key`, 'unique among the edges');
      edgeKeys.add(edge.key);
    }
    if (e.undirected !== undefined) edge.undirected = bool(e.undirected, `${p}.undirected`);
    if (e.attributes !== undefined) edge.attributes = attrs(e.attributes, `${p}.attributes`);
    graph.edges.push(edge);
  });
  return graph;
}

function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ShapeError(path, 'true or false');
  return v;
}
