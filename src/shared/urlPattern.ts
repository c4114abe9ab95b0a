import { err, ok, type Result } from './result';
import { parseUrl, type ParsedUrl } from './url';

/**
 * URLs a script may fetch and the patterns that grant them (C-URL1–C-URL6, docs/spec/CONTEXT.md).
 * Everything is compared on what the WHATWG parser made of the text, never on the text itself, so a
 * URL is checked exactly as the host will fetch it: `http://127.0.0.1:18555\@api.example.com` is a
 * request to 127.0.0.1 (its backslash is a slash), whatever it looks like.
 */

/** Why a URL or pattern is refused: `unparsed` (not an absolute URL), `scheme` (not http or https), `credentials` (`user:pass@`), `shape` (a pattern's query, fragment or odd path). */
export type UrlRefusal = 'unparsed' | 'scheme' | 'credentials' | 'shape';

/** A refused URL or pattern: why, in a word and in a sentence. */
export interface UrlProblem {
  /** Machine-readable reason. */
  readonly reason: UrlRefusal;
  /** What is wrong, for a person. */
  readonly message: string;
}

/** An http(s) URL that may be fetched: parsed, without credentials. */
export interface HttpUrl {
  /** The URL as the parser re-serialized it: the one to fetch, so the check and the fetch see the same URL. */
  readonly href: string;
  /** `http:` or `https:`. */
  readonly scheme: string;
  /** Host name and non-default port, as the parser normalized them. */
  readonly host: string;
  /** The path's segments, still percent-encoded (`/a/b%20c` → `a`, `b%20c`). */
  readonly segments: readonly string[];
}

/** A URL pattern of a manifest or a grant, parsed. */
export interface UrlPattern {
  /** `http:` or `https:`. */
  readonly scheme: string;
  /** Host name and non-default port, normalized. */
  readonly host: string;
  /** `host`: every path of the host; `exact`: this path only; `below`: every path under `segments` (a pattern ending in `/...`). */
  readonly path: 'host' | 'exact' | 'below';
  /** The path's segments (without the final `...` of a `below` pattern). */
  readonly segments: readonly string[];
  /** The pattern as the parser normalized it: what a person is shown and what a grant holds. */
  readonly text: string;
}

const SCHEMES = new Set(['http:', 'https:']);

/** True when a resource or pattern names a scheme (`https:`, `data:`…): it is then compared as a URL, never as a path. */
export const hasScheme = (text: string): boolean => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(text);

const problem = (reason: UrlRefusal, message: string): Result<never, UrlProblem> => err({ reason, message });

function httpParts(text: string, what: string): Result<ParsedUrl, UrlProblem> {
  const u = parseUrl(text);
  if (!u) return problem('unparsed', `${what} "${text}" is not an absolute URL`);
  if (!SCHEMES.has(u.protocol)) return problem('scheme', `${what} "${text}" is not http or https (${u.protocol})`);
  if (u.username !== '' || u.password !== '')
    return problem('credentials', `${what} "${text}" holds a user name or password, which is never allowed`);
  return ok(u);
}

const segmentsOf = (pathname: string): string[] => pathname.slice(1).split('/');

/**
 * A segment a server may read as something else than a name under its directory: an encoded slash or
 * backslash, a NUL, dots alone (`%2e%2e` survives as `.%2e` in no parser, but `..;` does in Tomcat), or
 * bad percent-encoding. Such a segment is never matched by a pattern with a path.
 */
function ambiguous(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return true;
  }
  return /[/\\\0]/.test(decoded) || /^\.+(;|$)/.test(decoded);
}

/** C-URL1: parses a URL a script asks for: http(s), absolute, without credentials. */
export function parseHttpUrl(text: string): Result<HttpUrl, UrlProblem> {
  const u = httpParts(text, 'the URL');
  if (!u.ok) return u;
  const { href, protocol, host, pathname } = u.value;
  return ok({ href, scheme: protocol, host, segments: segmentsOf(pathname) });
}

/** C-URL2: parses a URL pattern (`https://api.example.com`, `…/v1/...`, `…/data.json`); refuses a query, a fragment or an odd path. */
export function parseUrlPattern(text: string): Result<UrlPattern, UrlProblem> {
  const u = httpParts(text, 'the URL pattern');
  if (!u.ok) return u;
  const { protocol, host, pathname, search, hash, href } = u.value;
  if (search !== '' || hash !== '' || href.endsWith('?') || href.endsWith('#'))
    return problem('shape', `the URL pattern "${text}" has a query or fragment; patterns name a host and a path`);
  const origin = `${protocol}//${host}`;
  // no path written (`https://a.com`, `https://a.com:443`) names the whole host; `https://a.com/` only its root
  if (pathname === '/' && !/[/\\]$/.test(text.trim()))
    return ok({ scheme: protocol, host, path: 'host', segments: [], text: origin });
  const all = segmentsOf(pathname);
  const below = all[all.length - 1] === '...';
  const segments = below ? all.slice(0, -1) : all;
  if (segments.some(ambiguous))
    return problem(
      'shape',
      `the URL pattern "${text}" has a path segment a server may read otherwise (dots, an encoded slash)`,
    );
  return ok({ scheme: protocol, host, path: below ? 'below' : 'exact', segments, text: origin + pathname });
}

const startsWith = (a: readonly string[], prefix: readonly string[]): boolean =>
  a.length >= prefix.length && prefix.every((s, i) => a[i] === s);

/** C-URL3: whether a pattern matches a URL: same scheme and host (port included), and the path as the pattern says. */
export function urlMatches(pattern: UrlPattern, url: HttpUrl): boolean {
  if (pattern.scheme !== url.scheme || pattern.host !== url.host) return false;
  if (pattern.path === 'host') return true;
  const s = url.segments;
  if (pattern.path === 'exact') return s.length === pattern.segments.length && startsWith(s, pattern.segments);
  return isBelow(pattern.segments, s);
}

/** C-PERM2 on segments: at least one more segment, not all empty, none a server could read as leaving the directory. */
function isBelow(dir: readonly string[], segments: readonly string[]): boolean {
  const rest = segments.slice(dir.length);
  return startsWith(segments, dir) && rest.join('/') !== '' && !rest.some(ambiguous);
}

/** C-URL4: whether everything `inner` matches is matched by `outer` too. */
export function urlCovers(outer: UrlPattern, inner: UrlPattern): boolean {
  if (outer.scheme !== inner.scheme || outer.host !== inner.host) return false;
  if (outer.path === 'host') return true;
  if (inner.path === 'host') return false;
  if (outer.path === 'exact')
    return (
      inner.path === 'exact' &&
      inner.segments.length === outer.segments.length &&
      startsWith(inner.segments, outer.segments)
    );
  if (inner.path === 'exact') return isBelow(outer.segments, inner.segments);
  return startsWith(inner.segments, outer.segments);
}

/** Parses a pattern and a URL and tells whether the one matches the other; false when either is refused. */
export function patternMatchesUrl(pattern: string, url: string): boolean {
  const p = parseUrlPattern(pattern);
  const u = parseHttpUrl(url);
  return p.ok && u.ok && urlMatches(p.value, u.value);
}
