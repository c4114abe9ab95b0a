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

/** A URL split the way patterns compare it; undefined for anything that is not `scheme://host…`. */
interface UrlParts {
  scheme: string;
  host: string;
  /** The path, or undefined for a pattern that names a whole host. */
  path: string | undefined;
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ws: '80', wss: '443' };

function urlParts(s: string): UrlParts | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(s);
  if (!m) return undefined;
  const scheme = (m[1] as string).toLowerCase();
  let host = (m[2] as string).toLowerCase().replace(/^[^@]*@/, '');
  if (host.endsWith(`:${DEFAULT_PORTS[scheme] ?? ''}`)) host = host.slice(0, host.lastIndexOf(':'));
  const path = m[3] as string;
  return { scheme, host, path: path === '' ? undefined : path };
}

/** True when `pattern` is a URL pattern (the resource is then compared as a URL). */
export const isUrlPattern = (pattern: string): boolean => urlParts(pattern) !== undefined;

/** C-PERM2: `/dir/...` matches everything below `/dir/` (not `/dir`); any other pattern only itself. */
function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('/...')) return pattern === path;
  const dir = pattern.slice(0, -3);
  return path.length > dir.length && path.startsWith(dir);
}

/** C-PERM2, C-PERM3: whether a resource pattern matches a resource. */
export function matches(pattern: string, resource: string): boolean {
  const p = urlParts(pattern);
  if (!p) return pathMatches(pattern, resource);
  const r = urlParts(resource);
  if (!r || r.scheme !== p.scheme || r.host !== p.host) return false;
  return p.path === undefined || pathMatches(p.path, r.path ?? '/');
}

/** Whether everything `inner` matches is also matched by `outer` (a child's pattern within a parent's). */
export function covers(outer: string, inner: string): boolean {
  const o = urlParts(outer);
  const i = urlParts(inner);
  if (o || i) {
    if (!o || !i || o.scheme !== i.scheme || o.host !== i.host) return false;
    if (o.path === undefined) return true;
    return i.path !== undefined && covers(o.path, i.path);
  }
  if (!inner.endsWith('/...')) return matches(outer, inner);
  // a subtree is covered by the same or a wider subtree
  return outer.endsWith('/...') && inner.startsWith(outer.slice(0, -3));
}

/** `read https://…` */
export const describePermission = (kind: string, resource: string): string => `${kind} ${resource}`;
