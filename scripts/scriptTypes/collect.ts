import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import ts from 'typescript';

/** A declaration file as the editor's TypeScript service gets it. */
export interface DeclarationFile {
  /** Where Monaco's service finds it: `file:///node_modules/<package>/…`. */
  path: string;
  /** The file's text. */
  text: string;
}

const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, allowJs: false };

/** The package a resolved file belongs to (`graphology-utils`, `@scope/name`), and its folder. */
function packageOf(file: string): { name: string; root: string } | undefined {
  const m = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
  return m ? { name: (m[2] as string).replace(/\\/g, '/'), root: `${m[1]}${m[2]}` } : undefined;
}

/** What a declaration file imports: `import`/`export … from`, `import('…')` types and `/// <reference>`s. */
export function specifiers(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out = source.typeReferenceDirectives.map((r) => r.fileName);
  for (const ref of source.referencedFiles) out.push(`./${ref.fileName.replace(/^\.\//, '')}`);
  const walk = (node: ts.Node): void => {
    const spec =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
          ? node.argument.literal
          : undefined;
    if (spec && ts.isStringLiteral(spec)) out.push(spec.text);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return out;
}

/**
 * The declaration files of `packages` and of everything they import (their own relative files and
 * other packages such as graphology-types), read from `root`'s node_modules and resolved by
 * TypeScript itself, so the editor sees exactly the types the packages publish. Each package also
 * gets a `package.json` naming its declaration entry, for the service's Node-style resolution.
 */
export function collectDeclarations(packages: readonly string[], root: string): DeclarationFile[] {
  const out = new Map<string, string>();
  const entries = new Map<string, string>();
  const pathOf = (file: string): string => `file:///${relative(root, file).split(sep).join('/')}`;
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    out.set(pathOf(file), text);
    for (const spec of specifiers(text, file)) resolve(spec, file);
  };
  const resolve = (spec: string, from: string): void => {
    const hit = ts.resolveModuleName(spec, from, options, ts.sys).resolvedModule;
    if (!hit || !hit.resolvedFileName.endsWith('.d.ts')) return;
    const pkg = packageOf(hit.resolvedFileName);
    if (pkg && !entries.has(pkg.name) && !spec.startsWith('.') && spec === pkg.name)
      entries.set(pkg.name, relative(pkg.root, hit.resolvedFileName).split(sep).join('/'));
    visit(hit.resolvedFileName);
  };
  const here = `${root}${sep}index.ts`;
  for (const name of packages) {
    resolve(name, here);
    if (!entries.has(name)) throw new Error(`scriptTypes/collect: ${name} publishes no declarations`);
  }
  // a package reached only through a subpath (`graphology-utils/getters`) needs no entry
  for (const [name, types] of entries)
    out.set(`file:///node_modules/${name}/package.json`, JSON.stringify({ name, types }));
  return [...out].map(([path, text]) => ({ path, text })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The folder of the project whose node_modules hold the packages (this file's grandparent). */
export const projectRoot = (): string => dirname(dirname(dirname(new URL(import.meta.url).pathname)));
