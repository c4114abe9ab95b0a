import * as t from '@babel/types';
import { parse } from './babel';
import { makeImportsLive, type ImportedName } from './liveImports';

/** An import found in a file, with its position, so a forbidden one can be reported there. */
export interface ImportSite {
  /** The module specifier as written. */
  source: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** What rewriting a file's imports and exports found. */
export interface ModuleShape {
  /** Static and re-export imports, in source order. */
  imports: ImportSite[];
  /** The initializer of `export const manifest = …`, when present. */
  manifest: t.Expression | undefined;
}

/** Statements we generate: the instrumenter leaves them alone. */
export const generated = new WeakSet<t.Node>();

function snippet(code: string): t.Statement[] {
  const body = parse(code, { sourceType: 'module', allowAwaitOutsideFunction: true }).program.body;
  for (const s of body) generated.add(s);
  return body;
}

const siteOf = (node: t.Node & { source: t.StringLiteral }): ImportSite => ({
  source: node.source.value,
  line: node.loc?.start.line ?? 1,
  column: (node.loc?.start.column ?? 0) + 1,
});

/**
 * Turns a file's ES module syntax into statements that run inside an async function:
 * `import x from 'm'` becomes `const x = (await __sg.import('m')).default`, exports become getters
 * on the module's exports object (so they stay live bindings). Mutates `program`.
 */
export function rewriteModuleSyntax(program: t.Program): ModuleShape {
  const imports: ImportSite[] = [];
  const getters: string[] = [];
  let manifest: t.Expression | undefined;
  let temp = 0;
  const body: t.Statement[] = [];
  // imports run first, wherever they are written (ES modules load their imports before their body)
  const head: t.Statement[] = [];
  const live = new Map<t.Identifier, ImportedName>();

  const importInto = (source: string): string => {
    const name = `__m${temp++}`;
    head.push(...snippet(`const ${name} = await __sg.import(${JSON.stringify(source)});`));
    return name;
  };
  const bindImport = (local: string, ns: string, key: string): void => {
    const [decl] = snippet(`const ${local} = ${ns}[${JSON.stringify(key)}];`) as [t.VariableDeclaration];
    live.set(decl.declarations[0]?.id as t.Identifier, { ns, key });
    head.push(decl);
  };

  for (const stmt of program.body) {
    if (t.isImportDeclaration(stmt)) {
      if (stmt.importKind === 'type' || stmt.importKind === 'typeof') continue;
      imports.push(siteOf(stmt));
      const specs = stmt.specifiers.filter((s) => !(t.isImportSpecifier(s) && s.importKind === 'type'));
      const ns = importInto(stmt.source.value);
      for (const s of specs) {
        const local = s.local.name;
        if (t.isImportNamespaceSpecifier(s)) head.push(...snippet(`const ${local} = ${ns};`));
        else if (t.isImportDefaultSpecifier(s)) bindImport(local, ns, 'default');
        else bindImport(local, ns, t.isIdentifier(s.imported) ? s.imported.name : s.imported.value);
      }
    } else if (t.isExportNamedDeclaration(stmt)) {
      if (stmt.exportKind === 'type') continue;
      if (stmt.declaration) {
        const d = stmt.declaration;
        body.push(d);
        if (t.isVariableDeclaration(d)) {
          for (const decl of d.declarations) {
            for (const name of Object.keys(t.getBindingIdentifiers(decl.id)))
              getters.push(`${JSON.stringify(name)}: () => ${name}`);
            if (t.isIdentifier(decl.id) && decl.id.name === 'manifest' && decl.init) manifest = decl.init;
          }
        } else if ((t.isFunctionDeclaration(d) || t.isClassDeclaration(d)) && d.id) {
          getters.push(`${JSON.stringify(d.id.name)}: () => ${d.id.name}`);
        }
        continue;
      }
      const from = stmt.source ? importInto(stmt.source.value) : undefined;
      if (stmt.source) imports.push(siteOf(stmt as t.ExportNamedDeclaration & { source: t.StringLiteral }));
      for (const s of stmt.specifiers) {
        if (!t.isExportSpecifier(s) || s.exportKind === 'type') continue;
        const exported = t.isIdentifier(s.exported) ? s.exported.name : s.exported.value;
        const value = from ? `${from}[${JSON.stringify(s.local.name)}]` : s.local.name;
        getters.push(`${JSON.stringify(exported)}: () => ${value}`);
      }
    } else if (t.isExportDefaultDeclaration(stmt)) {
      const d = stmt.declaration;
      if ((t.isFunctionDeclaration(d) || t.isClassDeclaration(d)) && d.id) {
        body.push(d);
        getters.push(`default: () => ${d.id.name}`);
      } else if (t.isFunctionDeclaration(d) || t.isClassDeclaration(d)) {
        d.id = t.identifier('__default');
        body.push(d);
        getters.push('default: () => __default');
      } else if (t.isExpression(d)) {
        const decl = t.variableDeclaration('const', [t.variableDeclarator(t.identifier('__default'), d)]);
        decl.loc = stmt.loc;
        body.push(decl);
        getters.push('default: () => __default');
      }
    } else if (t.isExportAllDeclaration(stmt)) {
      if (stmt.exportKind === 'type') continue;
      imports.push(siteOf(stmt));
      const from = importInto(stmt.source.value);
      head.push(...snippet(`__sg.reexport(${from});`));
    } else body.push(stmt);
  }
  const exportsFirst = getters.length > 0 ? snippet(`__sg.exports({ ${getters.join(', ')} });`) : [];
  program.body = [...exportsFirst, ...head, ...body];
  makeImportsLive(program, live);
  return { imports, manifest };
}
