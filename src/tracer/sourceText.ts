// T-SRC1: `Function.prototype.toString` of a function the user wrote gives its text as written, not
// the instrumented code. The compiler marks each function and class of a file with a comment
// `/*sg:<file>.<index>*/` inside its own text and keeps each one's range in the source; the host's
// `toString` (`installSourceText`, once, before lockdown) maps a text that holds marks back.
import * as t from '@babel/types';
import { traverse, type NodePath } from './babel';

/** A compiled file's functions: where each is in the source, and which one it is nested in. */
interface FileSources {
  /** The source as the user wrote it. */
  source: string;
  /** The compiled code: a text claiming marks of this file must be part of it (marks in a string literal are not). */
  code: string;
  /** Start offset of each function's text. */
  start: number[];
  /** End offset of each function's text. */
  end: number[];
  /** Index of the function or class each one is nested in, or -1. */
  parent: number[];
  /** How many functions each one's text holds: itself and all nested in it. */
  size: number[];
}

/** The files compiled last, by id; older ones are dropped (their functions then show their compiled text). */
const files = new Map<number, FileSources>();
const KEEP_FILES = 512;
let nextFile = 0;

const MARK = /\/\*sg:(\d+)\.(\d+)\*\//g;

/** A static member's text starts after `static`, as its MethodDefinition does. */
function textStart(node: t.Function | t.Class, source: string): number {
  const from = node.start as number;
  if (!((t.isClassMethod(node) || t.isClassPrivateMethod(node)) && node.static)) return from;
  const m = /^static\s+/.exec(source.slice(from, from + 64));
  return m ? from + m[0].length : from;
}

/** Puts the mark inside the node's own text: first thing in its body. */
function attachMark(node: t.Function | t.Class, mark: string): void {
  const body = node.body;
  if (t.isBlockStatement(body) || t.isClassBody(body)) {
    const first = (body.body as t.Node[])[0];
    if (first) t.addComment(first, 'leading', mark);
    else t.addComment(body, 'inner', mark);
  } else t.addComment(body, 'leading', mark);
}

/**
 * Takes each function and class of the user's `source` (call before anything rewrites `ast`: nodes
 * made later, by the compiler, have no text of the user's). `mark` then drops the user's comments
 * (they do not run; generated code keeps only marks) and marks those functions; `fill` keeps the
 * record once the code is generated.
 */
export function collectSources(ast: t.File, source: string): { mark(): void; fill(code: string): void } {
  const id = nextFile++;
  const rec: FileSources = { source, code: '', start: [], end: [], parent: [], size: [] };
  const index = new Map<t.Function | t.Class, number>();
  traverse(ast, {
    'Function|Class'(p) {
      const path = p as NodePath<t.Function | t.Class>;
      const node = path.node;
      if (node.start == null || node.end == null || index.has(node)) return;
      const up = path.findParent((q) => index.has(q.node as t.Function));
      const i = rec.start.length;
      index.set(node, i);
      rec.start.push(textStart(node, source));
      rec.end.push(node.end);
      rec.parent.push(up ? (index.get(up.node as t.Function) as number) : -1);
      rec.size.push(1);
      for (let q = rec.parent[i] as number; q >= 0; q = rec.parent[q] as number)
        rec.size[q] = (rec.size[q] as number) + 1;
    },
  });
  return {
    mark() {
      ast.comments = [];
      traverse(ast, {
        enter(path) {
          t.removeComments(path.node);
        },
      });
      // after the walk, which drops every comment it meets (a mark put on a body's first statement too)
      for (const [node, i] of index) attachMark(node, `sg:${id}.${i}`);
    },
    fill(code) {
      rec.code = code;
      files.set(id, rec);
      if (files.size > KEEP_FILES) files.delete(files.keys().next().value as number);
    },
  };
}

/** Whether function `k` of `rec` is `i` or nested in it. */
function within(rec: FileSources, k: number, i: number): boolean {
  for (let p = k; p >= 0; p = rec.parent[p] as number) if (p === i) return true;
  return false;
}

/**
 * The text as written of the function whose compiled text is `text`, or undefined when it holds no
 * genuine mark. The text holds the function's own mark and those of every function nested in it; a
 * mark a script wrote in a string is taken for the function only when it claims as much, and even
 * then it names a function of the same file (the code must contain the text), never another file's.
 */
export function originalText(text: string): string | undefined {
  const marks: Array<[file: number, index: number]> = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) marks.push([Number(m[1]), Number(m[2])]);
  for (const [file] of marks) {
    const rec = files.get(file);
    if (!rec || !rec.code.includes(text)) continue;
    const own = marks.filter(([f, i]) => f === file && i < rec.start.length).map(([, i]) => i);
    let best = -1;
    let bestSize = -1;
    for (const i of own) {
      // its own and all its nested functions' marks are in its text, and no enclosing one's
      const inside = new Set(own.filter((k) => within(rec, k, i))).size;
      if (own.includes(rec.parent[i] as number) || inside !== rec.size[i] || inside <= bestSize) continue;
      best = i;
      bestSize = inside;
    }
    if (best >= 0) return rec.source.slice(rec.start[best], rec.end[best]);
  }
  return undefined;
}

/**
 * Replaces `Function.prototype.toString` with one that gives a user function's text as written.
 * The host calls it once, before SES loads (SES keeps the `toString` it finds and wraps it), so no
 * script ever holds this function; what it reads is the host's own, taken here.
 */
export function installSourceText(): void {
  const native = Function.prototype.toString;
  const apply = Reflect.apply;
  const includes = String.prototype.includes;
  const methods = {
    toString(this: unknown): string {
      const text = apply(native, this, []) as string;
      return apply(includes, text, ['/*sg:']) ? (originalText(text) ?? text) : text;
    },
  };
  Object.defineProperty(Function.prototype, 'toString', { value: methods.toString });
}
