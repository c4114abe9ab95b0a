import { hasScheme, parseUrlPattern, patternMatchesUrl, urlCovers } from '../shared/urlPattern';

/** What a permission allows on a resource (after Inox's permission kinds). */
export const PERMISSION_KINDS = ['read', 'write', 'create', 'delete', 'use'] as const;
/** One of {@link PERMISSION_KINDS}. */
export type PermissionKind = (typeof PERMISSION_KINDS)[number];

/** A kind on a resource pattern: `read https://api.example.com/...`, `use ./...`, `write graph`. */
export interface Permission {
  /** What is allowed. */
  readonly kind: PermissionKind;
  /** A name (`graph`), a path (`/dir/file`, `/dir/...`) or a URL pattern. */
  readonly pattern: string;
}

/** Permission kind → resource patterns, as a manifest writes them. */
export type PermissionMap = Readonly<Partial<Record<PermissionKind, readonly string[]>>>;

export const isPermissionKind = (k: string): k is PermissionKind => (PERMISSION_KINDS as readonly string[]).includes(k);

/** The permissions of a manifest as a list. */
export function permissionList(map: PermissionMap): Permission[] {
  const out: Permission[] = [];
  for (const kind of PERMISSION_KINDS) for (const pattern of map[kind] ?? []) out.push({ kind, pattern });
  return out;
}

/** True when `pattern` is a URL pattern: it names a scheme, and is compared as a URL (C-URL2), never as a path. */
export const isUrlPattern = (pattern: string): boolean => hasScheme(pattern);

/** C-PERM2: `/dir/...` matches everything below `/dir/` (not `/dir`); any other pattern only itself. */
function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('/...')) return pattern === path;
  const dir = pattern.slice(0, -3);
  return path.length > dir.length && path.startsWith(dir);
}

/**
 * C-PERM2, C-PERM3: whether a resource pattern matches a resource. A URL on either side is compared
 * on the WHATWG parser's result (C-URL3); a URL or pattern the parser refuses matches nothing.
 */
export function matches(pattern: string, resource: string): boolean {
  if (hasScheme(pattern) || hasScheme(resource)) return patternMatchesUrl(pattern, resource);
  return pathMatches(pattern, resource);
}

/** Whether everything `inner` matches is also matched by `outer` (a child's pattern within a parent's). */
export function covers(outer: string, inner: string): boolean {
  if (hasScheme(outer) || hasScheme(inner)) {
    const o = parseUrlPattern(outer);
    const i = parseUrlPattern(inner);
    return o.ok && i.ok && urlCovers(o.value, i.value);
  }
  if (!inner.endsWith('/...')) return matches(outer, inner);
  // a subtree is covered by the same or a wider subtree
  return outer.endsWith('/...') && inner.startsWith(outer.slice(0, -3));
}

/** `read https://…` */
export const describePermission = (kind: string, resource: string): string => `${kind} ${resource}`;
