// Syntax a script may not use, refused before anything runs, with the user's line and column:
// whatever would reach past the compartment (`import()`, `import.meta`, a host global by name), run
// text untraced (`eval`, `Function(…)`), or name the tracer's own bindings (`__sg`, the frames). Also makes string
// literals safe for SES's source checks, which reject text that merely looks like `import(` or `eval(`.
import * as t from '@babel/types';
import { traverse, type NodePath } from './babel';

/** Names the instrumenter generates; a script that could name them could forge or switch off its own trace. */
export const RESERVED = /^(__sg.*|__f\d+|__e)$/;

/**
 * Globals of the browser, of workers and of Node that a script's compartment does not have. Naming
 * one is refused before the run with a message that says so, rather than a `ReferenceError` at run
 * time; `typeof window` (the usual "am I in a browser?" test) still works and gives "undefined".
 * Reached by a computed name (`globalThis['pro' + 'cess']`), they are simply absent.
 */
const HOST_GLOBALS = new Set([
  'window',
  'self',
  'document',
  'parent',
  'top',
  'opener',
  'frames',
  'navigator',
  'location',
  'postMessage',
  'importScripts',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'caches',
  'FontFace',
  'process',
  'require',
  'module',
  'global',
  'Buffer',
  '__dirname',
  '__filename',
]);

/** Why a construct is refused, and where. */
export interface Refusal {
  /** What the user reads. */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

const at = (node: t.Node, message: string): Refusal => ({
  message,
  line: node.loc?.start.line ?? 1,
  column: (node.loc?.start.column ?? 0) + 1,
});

/** The first refused construct of a parsed file, or undefined. */
export function findRefusal(ast: t.File): Refusal | undefined {
  let found: Refusal | undefined;
  const refuse = (path: NodePath, message: string): void => {
    found ??= at(path.node, message);
    path.stop();
  };
  traverse(ast, {
    Import(path) {
      refuse(
        path,
        'import() is not allowed: import modules statically at the top of the file (an allowlisted package or a file of this playground)',
      );
    },
    MetaProperty(path) {
      const { meta, property } = path.node;
      if (meta.name === 'import' && property.name === 'meta')
        refuse(path, 'import.meta is not available to scripts: a playground file has no URL of its own');
    },
    Identifier(path) {
      const name = path.node.name;
      // a property name (`o.__sg`, `{ eval: 1 }`) is neither a binding nor a reference
      const named: NodePath = path;
      if (!(named.isBindingIdentifier() || named.isReferencedIdentifier())) return;
      if (RESERVED.test(name)) {
        refuse(path, `"${name}" is a name reserved for the tracer: rename it`);
      } else if (name === 'eval' && !path.scope.hasBinding(name, { noGlobals: true })) {
        refuse(path, 'eval is not available to scripts: code built from text would run untraced and unchecked');
      } else if (
        name === 'Function' &&
        !path.scope.hasBinding(name, { noGlobals: true }) &&
        (path.parentPath.isCallExpression({ callee: path.node }) ||
          path.parentPath.isNewExpression({ callee: path.node }))
      ) {
        refuse(path, 'Function(…) is not available to scripts: code built from text would run untraced and unchecked');
      } else if (
        HOST_GLOBALS.has(name) &&
        named.isReferencedIdentifier() &&
        !path.scope.hasBinding(name, { noGlobals: true }) &&
        !path.parentPath.isUnaryExpression({ operator: 'typeof' })
      ) {
        refuse(path, `${name} is not available to scripts: they run without the page's or the server's globals`);
      }
    },
  });
  return found;
}

/** Text SES's evaluator rejects on sight, even inside a string: `import(`, `eval(`, HTML comments. */
const SES_PATTERN = /\b(import|eval)(\s*(\(|\/[/*]))|<!--|-->/g;

/** Source text of a literal with each match of SES's checks written with one escaped character. */
const unmatched = (source: string): string =>
  source.replace(SES_PATTERN, (m: string) =>
    m.startsWith('<') ? '<\\x21--' : m.startsWith('-') ? '-\\x2d>' : `\\x${m.charCodeAt(0).toString(16)}${m.slice(1)}`,
  );

/**
 * Rewrites literals whose text SES would take for an `import(`, a direct `eval(` or an HTML comment
 * into escaped forms of the same value (`"\x69mport("`), such method names into string keys, and
 * such regular expression literals into `__sg.re(source, flags)`.
 */
export function escapeForSes(ast: t.File): void {
  const test = (s: string): boolean => {
    SES_PATTERN.lastIndex = 0;
    return SES_PATTERN.test(s);
  };
  traverse(ast, {
    StringLiteral(path) {
      const node = path.node;
      if (!test(node.value)) return;
      node.extra = { raw: unmatched(JSON.stringify(node.value)), rawValue: node.value };
    },
    RegExpLiteral(path) {
      const { pattern, flags } = path.node;
      if (!test(pattern)) return;
      // a literal's text cannot be escaped without changing its `source`: it is made from that text
      // instead, as a new object at each evaluation like the literal (`__sg.re`, the probe's method)
      const text = t.stringLiteral(pattern);
      text.extra = { raw: unmatched(JSON.stringify(pattern)), rawValue: pattern };
      path.replaceWith(
        t.callExpression(t.memberExpression(t.identifier('__sg'), t.identifier('re')), [text, t.stringLiteral(flags)]),
      );
      path.skip();
    },
    TemplateElement(path) {
      const raw = path.node.value.raw;
      // the cooked value stays the same; only `String.raw` would see the escape
      if (test(raw)) path.node.value.raw = unmatched(raw);
    },
    'ObjectMethod|ClassMethod|ClassPrivateMethod'(path) {
      const node = path.node as t.ObjectMethod | t.ClassMethod;
      if (!node.computed && t.isIdentifier(node.key) && (node.key.name === 'import' || node.key.name === 'eval')) {
        const name = node.key.name;
        const key = t.stringLiteral(name);
        key.extra = { raw: `"\\x${name.charCodeAt(0).toString(16)}${name.slice(1)}"`, rawValue: name };
        node.key = key;
      }
    },
  });
}
