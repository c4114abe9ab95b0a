import * as graphology from 'graphology';
import * as components from 'graphology-components';
import * as dag from 'graphology-dag';
import * as metrics from 'graphology-metrics';
import * as shortestPath from 'graphology-shortest-path';
import * as traversal from 'graphology-traversal';
import type { Recorder } from '../tracer/recorder';
import { formatValue } from '../tracer/format';
import { snapshot } from '../tracer/values';
import { seededRandom } from '../shared/random';
import type { AllowedPackageName } from './allowedPackages';

/** Packages a script may import, by specifier (the import allowlist layer); the names are `ALLOWED_PACKAGE_NAMES`. */
export const ALLOWED_PACKAGES: Readonly<Record<string, object>> = Object.freeze({
  graphology: graphology as object,
  'graphology-components': components as object,
  'graphology-dag': dag as object,
  'graphology-metrics': metrics as object,
  'graphology-shortest-path': shortestPath as object,
  'graphology-traversal': traversal as object,
} satisfies Record<AllowedPackageName, object>);

/** Resolves `./util` against the playground's files (exact name, then .ts, then .js). */
export function resolveFile(specifier: string, files: Readonly<Record<string, string>>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const name = specifier.replace(/^(\.\/)+/, '');
  for (const candidate of [name, `${name}.ts`, `${name}.js`]) if (candidate in files) return candidate;
  return undefined;
}

/** Seeded random layer: a `Math` whose `random` replays from the run's seed. */
export function seededMath(seed: string): Math {
  return Object.create(Math, { random: { value: seededRandom(seed), enumerable: false } }) as Math;
}

const toText = (args: unknown[]): string =>
  args.map((a) => (typeof a === 'string' ? a : formatValue(snapshot(a), false))).join(' ');

/** The `console` methods a script gets; the core's lib has no `Console` type (it is DOM's or Node's). */
export type CapturedConsole = Record<
  'log' | 'info' | 'debug' | 'warn' | 'error' | 'table' | 'dir',
  (...args: unknown[]) => void
>;

/** Console capture layer: everything printed lands on the step that printed it, traced code or not. */
export function capturingConsole(rec: Recorder): CapturedConsole {
  const out = (...a: unknown[]): void => rec.print('stdout', toText(a));
  const err = (...a: unknown[]): void => rec.print('stderr', toText(a));
  return { log: out, info: out, debug: out, dir: out, table: out, warn: err, error: err };
}
