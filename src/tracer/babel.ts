// The one place that imports Babel: its packages are CommonJS, and Node and bundlers disagree on
// what their default export is. Everything else imports from here.
import * as parserModule from '@babel/parser';
import traverseModule from '@babel/traverse';
import generateModule from '@babel/generator';

type TraverseFn = typeof traverseModule;
type GenerateFn = typeof generateModule;

const unwrap = <T>(m: T): T => ((m as { default?: T }).default ?? m) as T;

/** `@babel/traverse`'s default export. */
export const traverse: TraverseFn = unwrap(traverseModule);
/** `@babel/generator`'s default export. */
export const generate: GenerateFn = unwrap(generateModule);
/** `@babel/parser`'s parse. */
export const parse = parserModule.parse;

export type { NodePath, Scope, Visitor } from '@babel/traverse';
