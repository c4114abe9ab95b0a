import type { Limits } from '../runtime/limits';
import type { Result } from '../shared/result';
import { err, ok } from '../shared/result';

/** A module's declared needs, read before the run. */
export interface Manifest {
  /** Permission kind → resource patterns. */
  permissions: Record<string, string[]>;
  /** Limits the module asks for (only tightening is possible). */
  limits: Partial<Limits>;
}

const LIMIT_FIELDS: Record<string, keyof Limits> = {
  'execution/total-time': 'totalTimeMs',
  'execution/steps': 'steps',
};
const KNOWN_LIMITS = new Set([
  ...Object.keys(LIMIT_FIELDS),
  'execution/cpu-time',
  'net/requests',
  'modules/simultaneous',
]);
const KINDS = new Set(['read', 'write', 'create', 'delete', 'use']);

/** Validates a manifest literal; the error names the field that is wrong. */
export function parseManifest(value: unknown): Result<Manifest, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('manifest must be an object');
  const { permissions = {}, limits = {}, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra) return err(`manifest.${extra} is not a manifest field (use permissions and limits)`);
  if (typeof permissions !== 'object' || permissions === null || Array.isArray(permissions))
    return err('manifest.permissions must be an object');
  const perms: Record<string, string[]> = {};
  for (const [kind, patterns] of Object.entries(permissions)) {
    if (!KINDS.has(kind))
      return err(`manifest.permissions.${kind} is not a permission kind (${[...KINDS].join(', ')})`);
    if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string'))
      return err(`manifest.permissions.${kind} must be an array of strings`);
    perms[kind] = patterns as string[];
  }
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits))
    return err('manifest.limits must be an object');
  const out: Partial<Limits> = {};
  for (const [name, n] of Object.entries(limits)) {
    if (!KNOWN_LIMITS.has(name)) return err(`manifest.limits["${name}"] is not a known limit`);
    if (typeof n !== 'number' || !(n >= 0)) return err(`manifest.limits["${name}"] must be a non-negative number`);
    const field = LIMIT_FIELDS[name];
    if (field) out[field] = n;
  }
  return ok({ permissions: perms, limits: out });
}
