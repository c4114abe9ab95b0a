import * as t from '@babel/types';
import { transform as stripTypes } from 'sucrase';
import { generate, parse, traverse, type NodePath, type Scope } from './babel';
import { collectWrites } from './writes';
import { rewriteMutations } from './rewriteMutations';
import { blockSafe, functionName, innermostLabeled, rangeOf } from './functionInfo';
import { generated, rewriteModuleSyntax, type ImportSite } from './moduleSyntax';
import type { Tables } from './tables';
import { escapeForSes, findRefusal } from './refusals';
import { collectSources } from './sourceText';
import { crashSite, resetCrashSite, tracked } from './crashSite';

/** A file turned into the body of an async function that reports its steps to `__sg`. */
export interface CompiledFile {
  /** The file name. */
  file: string;
  /** JavaScript for the body of `async function (__sg, …) {}`. */
  code: string;
  /** Its imports, for the allowlist check. */
  imports: ImportSite[];
  /** The `export const manifest` initializer, as an AST, for the literal reader. */
  manifest: t.Expression | undefined;
}

/** A syntax error at the user's own position. */
export interface SyntaxProblem {
  /** The file. */
  file: string;
  /** The parser's message, without the position suffix. */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Set when the syntax parses but is refused (`refusals.ts`): the run fails with PREP_FORBIDDEN_SYNTAX. */
  forbidden?: true;
  /** Set when the instrumenter itself failed (our bug, T-SYN2): the run fails with INTERNAL, naming the construct. */
  internal?: true;
}

const SILENT = new Set([
  'FunctionDeclaration',
  'EmptyStatement',
  'TSTypeAliasDeclaration',
  'TSInterfaceDeclaration',
  'TSDeclareFunction',
  'TSModuleDeclaration',
  'TSImportEqualsDeclaration',
  'TSExportAssignment',
  'TSNamespaceExportDeclaration',
]);
const TESTED_LOOPS = new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement']);

const isTypeScript = (file: string): boolean => /\.(ts|mts|cts)$/.test(file);

/** Parses, instruments and strips types; a syntax error comes back with the user's line and column. */
export function compileFile(
  file: string,
  source: string,
  tables: Tables,
  /** False compiles the file untraced (module syntax and types only): the benchmark's native baseline. */
  instrument = true,
): { ok: true; value: CompiledFile } | { ok: false; error: SyntaxProblem } {
  let ast: t.File;
  try {
    ast = parse(source, {
      sourceType: 'module',
      plugins: isTypeScript(file) ? ['typescript'] : [],
      allowAwaitOutsideFunction: true,
    });
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    return {
      ok: false,
      error: {
        file,
        message: String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, ''),
        line: err.loc?.line ?? 1,
        column: (err.loc?.column ?? 0) + 1,
      },
    };
  }
  const refused = findRefusal(ast);
  if (refused) return { ok: false, error: { file, ...refused, forbidden: true } };
  resetCrashSite();
  try {
    const sources = collectSources(ast, source);
    const shape = rewriteModuleSyntax(ast.program);
    if (instrument) {
      rewriteMutations(ast, tables);
      new Instrumenter(tables, tables.file(file), file).run(ast);
    }
    escapeForSes(ast);
    // T-SRC1: the only comments left are the marks that map each function back to its text as written
    sources.mark();
    let code = generate(ast, { comments: true }).code;
    if (isTypeScript(file)) code = stripTypes(code, { transforms: ['typescript'], disableESTransforms: true }).code;
    sources.fill(code);
    return { ok: true, value: { file, code, imports: shape.imports, manifest: shape.manifest } };
  } catch (e) {
    // T-SYN2: the source parsed, so this is the instrumenter's bug; say on what
    const site = crashSite();
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        file,
        message: `the instrumenter failed on ${site.construct} at line ${site.line}, column ${site.column} (${why}): please report it`,
        line: site.line,
        column: site.column,
        internal: true,
      },
    };
  }
}

const call = (method: string, args: t.Expression[]): t.CallExpression =>
  t.callExpression(t.memberExpression(t.identifier('__sg'), t.identifier(method)), args);
const statementOf = (e: t.Expression): t.ExpressionStatement => {
  const s = t.expressionStatement(e);
  generated.add(s);
  return s;
};

/** Adds the step and write calls to one parsed file. */
class Instrumenter {
  private readonly fnIds = new WeakMap<t.Node, number>();
  private readonly slotIds = new WeakMap<t.Node, number>();
  private nextFn = 0;

  constructor(
    private readonly tables: Tables,
    private readonly fileIndex: number,
    private readonly fileName: string,
  ) {}

  run(ast: t.File): void {
    this.frameOf(ast.program);
    traverse(
      ast,
      tracked({
        IfStatement: { enter: (p) => this.blockify(p.node) },
        Loop: { enter: (p) => this.blockify(p.node), exit: (p) => this.loop(p) },
        CatchClause: { exit: (p) => this.catchClause(p.node) },
        Function: { exit: (p) => this.functionEntry(p) },
        'AwaitExpression|YieldExpression': {
          exit: (p) => this.suspension(p as NodePath<t.AwaitExpression | t.YieldExpression>),
        },
        'BlockStatement|SwitchCase': {
          exit: (p) => this.statementList(p as NodePath<t.BlockStatement | t.SwitchCase>),
        },
        Program: { exit: (p) => this.program(p) },
      }),
    );
  }

  /**
   * `await x` → `__sg.r(f, await __sg.w(f, x))`: while a function waits (or a generator is paused),
   * a call made by whoever runs next is not counted as nested in it; on resuming it is current again.
   */
  private suspension(path: NodePath<t.AwaitExpression | t.YieldExpression>): void {
    const node = path.node;
    const fn = path.getFunctionParent();
    if (generated.has(node) || !fn || !t.isBlockStatement(fn.node.body)) return;
    const frame = t.identifier(this.frameVar(fn.node));
    generated.add(node);
    node.argument = call('w', node.argument ? [frame, node.argument] : [frame]);
    path.replaceWith(call('r', [t.identifier(frame.name), node]));
    // the replacement holds the argument, already instrumented: it must not be visited again
    path.skip();
  }

  private frameVar(fn: t.Node): string {
    return `__f${this.frameOf(fn)}`;
  }

  private frameOf(fn: t.Node): number {
    let id = this.fnIds.get(fn);
    if (id === undefined) {
      id = this.nextFn++;
      this.fnIds.set(fn, id);
    }
    return id;
  }

  /** The function (or program) whose frame a statement at `path` runs in. */
  private ownerFrame(path: NodePath): string {
    const fn = path.getFunctionParent();
    return this.frameVar(fn ? fn.node : path.scope.getProgramParent().block);
  }

  private stepCall(node: t.Node, frame: string): t.CallExpression {
    const loc = node.loc?.start;
    const id = this.tables.statement(this.fileIndex, loc?.line ?? 1, (loc?.column ?? 0) + 1);
    return call('s', [t.numericLiteral(id), t.identifier(frame)]);
  }

  /** `__sg.v(slot, frame, name)` for each written name that resolves to a declaration. */
  private writeCalls(names: Iterable<string>, scope: Scope, fallbackFrame: string): t.CallExpression[] {
    const out: t.CallExpression[] = [];
    for (const name of names) {
      const binding = scope.getBinding(name);
      if (!binding || name.startsWith('__')) continue;
      if (binding.kind === 'module' || binding.path.isClassDeclaration() || binding.path.isFunctionDeclaration())
        continue;
      let slot = this.slotIds.get(binding.identifier);
      if (slot === undefined) {
        const block = binding.scope.block;
        const range = t.isProgram(block) ? undefined : rangeOf(block);
        slot = this.tables.slot(name, this.fileIndex, binding.identifier.loc?.start.line ?? 1, range);
        this.slotIds.set(binding.identifier, slot);
      }
      const owner = binding.scope.getFunctionParent()?.block ?? binding.scope.getProgramParent().block;
      const frame =
        t.isArrowFunctionExpression(owner) && !t.isBlockStatement(owner.body) ? fallbackFrame : this.frameVar(owner);
      out.push(call('v', [t.numericLiteral(slot), t.identifier(frame), t.identifier(name)]));
    }
    return out;
  }

  private blockify(node: t.Node): void {
    const wrap = (s: t.Statement): t.BlockStatement => (t.isBlockStatement(s) ? s : t.blockStatement([s]));
    if (t.isIfStatement(node)) {
      node.consequent = wrap(node.consequent);
      if (node.alternate) node.alternate = wrap(node.alternate);
    } else if (t.isLoop(node)) node.body = wrap(node.body);
  }

  private catchClause(node: t.CatchClause): void {
    const param = node.param;
    const id = t.isIdentifier(param) ? param : t.identifier('__e');
    node.param = id;
    const head: t.Statement[] = [statementOf(call('rethrow', [id]))];
    if (param && !t.isIdentifier(param)) head.push(t.variableDeclaration('let', [t.variableDeclarator(param, id)]));
    node.body.body.unshift(...head);
  }

  private loop(path: NodePath<t.Loop>): void {
    const node = path.node;
    const frame = this.ownerFrame(path);
    if (t.isForStatement(node) || t.isWhileStatement(node) || t.isDoWhileStatement(node)) {
      const names = collectWrites(node.test);
      if (t.isForStatement(node)) {
        if (t.isVariableDeclaration(node.init)) for (const d of node.init.declarations) collectWrites(d, names);
        else collectWrites(node.init, names);
        collectWrites(node.update, names);
      }
      // a do-while's step is its test, evaluated after the body: it shows on the `while (…)` line
      const at = t.isDoWhileStatement(node) ? node.test : node;
      const calls = [this.stepCall(at, frame), ...this.writeCalls(names, path.scope, frame)];
      node.test = t.sequenceExpression([...calls, node.test ?? t.booleanLiteral(true)]);
    } else if (t.isForXStatement(node) && t.isBlockStatement(node.body)) {
      const names = new Set<string>();
      const left = t.isVariableDeclaration(node.left) ? node.left.declarations[0]?.id : node.left;
      if (left) for (const n of Object.keys(t.getBindingIdentifiers(left))) names.add(n);
      const bodyScope = path.get('body').scope;
      node.body.body.unshift(
        statementOf(this.stepCall(node, frame)),
        ...this.writeCalls(names, bodyScope, frame).map(statementOf),
      );
    }
  }

  private functionEntry(path: NodePath<t.Function>): void {
    const node = path.node;
    if (!t.isBlockStatement(node.body)) return;
    const frame = this.frameVar(node);
    const name = this.tables.name(functionName(path));
    const params = new Set<string>();
    for (const p of node.params) for (const n of Object.keys(t.getBindingIdentifiers(p))) params.add(n);
    const enter = t.variableDeclaration('const', [
      t.variableDeclarator(t.identifier(frame), call('enter', [t.numericLiteral(name)])),
    ]);
    generated.add(enter);
    const writes = this.writeCalls(params, path.get('body').scope, frame).map(statementOf);
    if (!blockSafe(path)) {
      node.body.body.unshift(enter, ...writes);
      return;
    }
    // `finally` tells the recorder the frame is left, so a call made next (`f(g(x))`, `fib(n - 1) + fib(n - 2)`)
    // gets the caller's depth, not the depth of the frame that just returned
    const guarded = t.tryStatement(
      t.blockStatement([...writes, ...node.body.body]),
      null,
      t.blockStatement([statementOf(call('x', [t.identifier(frame)]))]),
    );
    generated.add(guarded);
    node.body.body = [enter, guarded];
  }

  private program(path: NodePath<t.Program>): void {
    this.rewriteList(path, path.node.body, (body) => (path.node.body = body));
    const frame = this.frameVar(path.node);
    const name = this.tables.name(this.fileName);
    const enter = t.variableDeclaration('const', [
      t.variableDeclarator(t.identifier(frame), call('module', [t.numericLiteral(name)])),
    ]);
    path.node.body.unshift(enter);
  }

  private statementList(path: NodePath<t.BlockStatement | t.SwitchCase>): void {
    const node = path.node;
    if (t.isBlockStatement(node)) this.rewriteList(path, node.body, (b) => (node.body = b));
    else this.rewriteList(path, node.consequent, (b) => (node.consequent = b));
  }

  /** Puts a step before each executable statement and records what simple statements wrote. */
  private rewriteList(path: NodePath, list: t.Statement[], set: (body: t.Statement[]) => void): void {
    const frame = this.ownerFrame(path);
    const out: t.Statement[] = [];
    for (const stmt of list) {
      if (generated.has(stmt) || SILENT.has(stmt.type) || (stmt as { declare?: boolean }).declare) {
        out.push(stmt);
        continue;
      }
      const inner = t.isLabeledStatement(stmt) ? innermostLabeled(stmt) : stmt;
      if (!TESTED_LOOPS.has(inner.type)) out.push(statementOf(this.stepCall(stmt, frame)));
      out.push(stmt);
      if (t.isExpressionStatement(stmt) || t.isVariableDeclaration(stmt)) {
        const names = t.isVariableDeclaration(stmt) ? new Set<string>() : collectWrites(stmt.expression);
        if (t.isVariableDeclaration(stmt)) for (const d of stmt.declarations) collectWrites(d, names);
        out.push(...this.writeCalls(names, path.scope, frame).map(statementOf));
      }
    }
    set(out);
  }
}
