import { isLimitName, type LimitName, type Limits } from '../runtime/limits';
import { isPermissionKind, PERMISSION_KINDS, type Permission, type PermissionMap } from '../runtime/permissions';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';
import { hasScheme, parseUrlPattern } from '../shared/urlPattern';

/** A module's declared needs, read before the run (C-MAN1). */
export interface Manifest {
  /** Permission kind → resource patterns; undefined when the manifest does not say (the defaults apply). */
  permissions: PermissionMap | undefined;
  /** Limits the module asks for, by name. */
  limits: Limits;
}

/** C-MAN2: what a module may do without a manifest: read and write `graph`, use the playground's files; no network. */
export const DEFAULT_PERMISSIONS: readonly Permission[] = [
  { kind: 'read', pattern: 'graph' },
  { kind: 'write', pattern: 'graph' },
  { kind: 'use', pattern: './...' },
];

/** The manifest of a file that declares none. */
export const NO_MANIFEST: Manifest = { permissions: undefined, limits: {} };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parsePermissions(value: unknown, at: string): Result<PermissionMap, string> {
  if (!isObject(value)) return err(`${at} must be an object`);
  const out: Partial<Record<(typeof PERMISSION_KINDS)[number], string[]>> = {};
  for (const [kind, patterns] of Object.entries(value)) {
    if (!isPermissionKind(kind)) return err(`${at}.${kind} is not a permission kind (${PERMISSION_KINDS.join(', ')})`);
    if (!Array.isArray(patterns)) return err(`${at}.${kind} must be an array of resource patterns`);
    for (const [i, p] of patterns.entries()) {
      if (typeof p !== 'string' || p.trim() === '') return err(`${at}.${kind}[${i}] must be a non-empty string`);
      // C-URL2: a URL pattern is read by the URL parser, and one it refuses grants nothing: say so now
      const url = hasScheme(p) ? parseUrlPattern(p) : undefined;
      if (url && !url.ok) return err(`${at}.${kind}[${i}]: ${url.error.message}`);
    }
    out[kind] = patterns as string[];
  }
  return ok(out);
}

function parseLimits(value: unknown, at: string): Result<Limits, string> {
  if (!isObject(value)) return err(`${at} must be an object`);
  const out: Partial<Record<LimitName, number>> = {};
  for (const [name, n] of Object.entries(value)) {
    if (!isLimitName(name)) return err(`${at}["${name}"] is not a known limit`);
    if (typeof n !== 'number' || !(n >= 0)) return err(`${at}["${name}"] must be a non-negative number`);
    out[name] = n;
  }
  return ok(out);
}

/**
 * Validates a manifest literal (or `spawn`'s options, with `at` naming them); the error names
 * the field that is wrong.
 */
export function parseManifest(value: unknown, at = 'manifest'): Result<Manifest, string> {
  if (!isObject(value)) return err(`${at} must be an object`);
  const { permissions, limits = {}, ...rest } = value;
  const extra = Object.keys(rest)[0];
  if (extra) return err(`${at}.${extra} is not a manifest field (use permissions and limits)`);
  const perms = permissions === undefined ? ok(undefined) : parsePermissions(permissions, `${at}.permissions`);
  if (!perms.ok) return perms;
  const lims = parseLimits(limits, `${at}.limits`);
  if (!lims.ok) return lims;
  return ok({ permissions: perms.value, limits: lims.value });
}
